import { createServer } from 'node:net';

/** A TCP port nothing listens on right now (the OS picks it), for a server the test starts itself. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}
