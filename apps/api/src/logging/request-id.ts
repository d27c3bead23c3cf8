import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const CLIENT_REQUEST_ID = /^[\w.:-]{1,64}$/;

/**
 * Our id for every request, a new UUID: the one answers, problems and audit entries carry. Never the client's
 * `X-Request-Id`, which would let a client give its request the id of an earlier one in the audit trail.
 */
export const requestIdOf = (): string => randomUUID();

/** The client's own `X-Request-Id`, when it is sane: logged beside ours, so that a client's trace can be found. */
export function clientRequestIdOf(request: IncomingMessage): string | undefined {
  const offered = request.headers['x-request-id'];
  return typeof offered === 'string' && CLIENT_REQUEST_ID.test(offered) ? offered : undefined;
}
