import http from 'node:http';

/** What a client saw of one request: an answer, or how the connection failed and whether any of the answer had arrived. */
export interface CallOutcome {
  label: string;
  method: string;
  path: string;
  startedAt: number;
  endedAt: number;
  /** The status, when the head of an answer arrived. */
  status?: number;
  contentType?: string;
  headers?: http.IncomingHttpHeaders;
  body?: string;
  /** The error code when the exchange failed (ECONNREFUSED, ECONNRESET, TIMEOUT...). */
  error?: string;
  /** Where it failed: before any byte of the answer, or after the head arrived (a cut answer). */
  failedAt?: 'before-response' | 'mid-response';
  /** True when the request went out on a kept-alive connection an earlier request had used. */
  reusedSocket: boolean;
}

export interface CallOptions {
  port: number;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** An agent with keepAlive reuses connections, as browsers and most clients do; without one each call connects anew. */
  agent?: http.Agent;
  /** Longer than this is a hang: the call is abandoned and reported as TIMEOUT. */
  timeoutMs?: number;
  label?: string;
}

/** One HTTP exchange on 127.0.0.1, never throwing: every way it can end is in the outcome. */
export function call(options: CallOptions): Promise<CallOutcome> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const outcome: CallOutcome = {
      label: options.label ?? `${options.method} ${options.path}`,
      method: options.method,
      path: options.path,
      startedAt,
      endedAt: 0,
      reusedSocket: false,
    };
    let settled = false;
    const finish = (extra: Partial<CallOutcome>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, ...extra, endedAt: Date.now() });
    };
    const request = http.request(
      {
        host: '127.0.0.1',
        port: options.port,
        method: options.method,
        path: options.path,
        agent: options.agent ?? false,
        headers: {
          ...(payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) }),
          ...options.headers,
        },
      },
      (response) => {
        outcome.status = response.statusCode;
        outcome.contentType = response.headers['content-type'];
        outcome.headers = response.headers;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => finish({ body: Buffer.concat(chunks).toString('utf8') }));
        response.on('aborted', () => finish({ error: 'ABORTED', failedAt: 'mid-response' }));
        response.on('error', (error: NodeJS.ErrnoException) => finish({ error: error.code ?? error.message, failedAt: 'mid-response' }));
      },
    );
    request.on('socket', () => (outcome.reusedSocket = request.reusedSocket));
    request.on('error', (error: NodeJS.ErrnoException) =>
      finish({ error: error.code ?? error.message, failedAt: outcome.status === undefined ? 'before-response' : 'mid-response' }),
    );
    const timer = setTimeout(() => {
      finish({ error: 'TIMEOUT', failedAt: outcome.status === undefined ? 'before-response' : 'mid-response' });
      request.destroy();
    }, options.timeoutMs ?? 15_000);
    request.end(payload);
  });
}

/** The parsed JSON body of an outcome, or undefined. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function jsonOf(outcome: CallOutcome): any {
  try {
    return outcome.body ? JSON.parse(outcome.body) : undefined;
  } catch {
    return undefined;
  }
}

export const isProblemJson = (outcome: CallOutcome): boolean => /^application\/problem\+json\b/.test(outcome.contentType ?? '');

/** The outcome in a few words, for failure messages: `POST /auth/login → 503 application/json (12 ms)`. */
export function describeOutcome(outcome: CallOutcome): string {
  const answer = outcome.error ? `${outcome.error} ${outcome.failedAt}` : `${outcome.status} ${outcome.contentType ?? ''}`.trim();
  return `${outcome.label} → ${answer} (${outcome.endedAt - outcome.startedAt} ms${outcome.reusedSocket ? ', reused connection' : ''})`;
}
