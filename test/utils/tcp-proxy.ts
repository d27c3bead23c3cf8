import net from 'node:net';

/**
 * A TCP proxy in front of a real service, so a test can cut the service off (every open connection
 * dropped, new ones refused) and bring it back, without stopping the server other suites share.
 */
export class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
    /** Each chunk waits this long on its way, either way: a service this far away. */
    private readonly delayMs = 0,
  ) {}

  async start(port = 0): Promise<this> {
    if (this.server) return this;
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      if (this.delayMs === 0) client.pipe(upstream).pipe(client);
      else {
        // Equal delays keep the chunks in order.
        const relay = (from: net.Socket, to: net.Socket) =>
          from.on('data', (chunk) => setTimeout(() => to.destroyed || to.write(chunk), this.delayMs));
        relay(client, upstream);
        relay(upstream, client);
      }
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', resolve);
    });
    this.port = (this.server.address() as net.AddressInfo).port;
    return this;
  }

  /** Refuses new connections and drops the open ones, as a stopped server would. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async restore(): Promise<void> {
    await this.start(this.port);
  }

  stop(): Promise<void> {
    return this.cut();
  }
}
