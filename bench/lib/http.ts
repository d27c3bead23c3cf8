import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import { type LatencySummary, summarise } from './stats.js';

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
  ms: number;
  /** The cookies the answer set, by name (value only). */
  cookies: Record<string, string>;
}

/** A small JSON client over keep-alive connections, for set-up calls and for bursts (the vote storm). */
export class Http {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: Infinity });

  constructor(readonly base: string) {}

  /** `bodyOnlyOnError`: a 2xx answer's body is read but not parsed (a load generator sharing the cores with the API). */
  send<T = unknown>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string>; bodyOnlyOnError?: boolean } = {},
  ) {
    const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    const url = new URL(path, this.base);
    return new Promise<HttpAnswer<T>>((resolve, reject) => {
      const started = process.hrtime.bigint();
      const outgoing = request(
        url,
        {
          method,
          agent: this.agent,
          headers: {
            ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            ...options.headers,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          const status = response.statusCode ?? 0;
          const discard = options.bodyOnlyOnError && status >= 200 && status < 300;
          response.on('data', (chunk: Buffer) => {
            if (!discard) chunks.push(chunk);
          });
          response.on('end', () => {
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            if (discard) return resolve({ status, body: undefined as T, ms, cookies: {} });
            const text = Buffer.concat(chunks).toString();
            let body: unknown = text;
            if ((response.headers['content-type'] ?? '').includes('json') && text) body = JSON.parse(text);
            const cookies = Object.fromEntries(
              (response.headers['set-cookie'] ?? []).map((header) => {
                const [pair] = header.split(';');
                const at = pair.indexOf('=');
                return [pair.slice(0, at), pair.slice(at + 1)];
              }),
            );
            resolve({ status: response.statusCode ?? 0, body: body as T, ms, cookies });
          });
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  /** Like send, but anything other than `expected` is an error naming the route and the answer. */
  async expect<T = unknown>(expected: number, method: string, path: string, options: Parameters<Http['send']>[2] = {}): Promise<T> {
    const answer = await this.send<T>(method, path, options);
    if (answer.status !== expected) {
      throw new Error(`${method} ${path} answered ${answer.status}, not ${expected}: ${JSON.stringify(answer.body).slice(0, 500)}`);
    }
    return answer.body;
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface LoadResult {
  /** 2xx answers. */
  ok: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  seconds: number;
  /** 2xx answers per second. */
  perSecond: number;
  /** Of every answer, 2xx or not. */
  latencyMs: LatencySummary;
  statusCodes: Record<string, number>;
  /** Every latency, when asked for (keepSamples); not written to the results. */
  samples?: number[];
}

const OUT_OF_WORK = '/bench-out-of-work';

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  method?: 'GET' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
  keepSamples?: boolean;
  /** The path of each request in turn; undefined when there is nothing left to send (the run stops). */
  nextPath: () => string | undefined;
}

/**
 * Sustained load with autocannon: `connections` keep-alive connections, each sending its next request as
 * soon as the previous one is answered, for `seconds` (or until nextPath runs dry). Latency is taken from
 * every answer (autocannon's own histogram keeps whole milliseconds of 2xx answers only).
 */
export function load(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let ok = 0;
  let non2xx = 0;
  let dry = false;
  const firstPath = options.nextPath();
  if (firstPath === undefined) throw new Error('load: nothing to send');
  let pending: string | undefined = firstPath;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        timeout: 30,
        // autocannon checks its stop flag once per sample interval (1 s by default): a run then lasts whole seconds.
        sampleInt: 100,
        requests: [
          {
            method: options.method ?? 'GET',
            headers: { ...options.headers, ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
            body: options.body,
            setupRequest: (request) => {
              const path = pending ?? options.nextPath();
              pending = undefined;
              if (path === undefined) {
                // Out of work: stop, and meanwhile send a request to a route that does not exist, whose 404 is not counted.
                if (!dry) setImmediate(() => instance.stop());
                dry = true;
                return { ...request, method: 'GET', path: OUT_OF_WORK, body: undefined };
              }
              return { ...request, path };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        resolve({
          ok,
          non2xx,
          errors: result.errors,
          seconds,
          perSecond: Math.round(ok / seconds),
          latencyMs: summarise(latencies),
          statusCodes,
          ...(options.keepSamples ? { samples: latencies } : {}),
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (dry && statusCode === 404) return;
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
      if (statusCode >= 200 && statusCode < 300) ok += 1;
      else non2xx += 1;
    });
  });
}
