import { redactUrl } from '../logging/redact-url.js';
import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '@near/common';
import { genericProblem } from './generic-problem.js';

/**
 * From the moment the server starts to close (SIGTERM), a request that still arrives on an open
 * connection gets a 503 in our one error format, with Retry-After, and the connection is closed.
 * Requests already being handled complete. (Fastify's own return503OnClosing answers plain JSON.)
 */
export function refuseWhileClosing(instance: FastifyInstance): void {
  let closing = false;
  instance.addHook('preClose', async () => {
    closing = true;
  });
  instance.addHook('onRequest', async (request, reply) => {
    if (!closing) return;
    const problem = genericProblem(503, 'The service is shutting down; send the request again.', {
      instance: redactUrl(request.url),
      requestId: request.id,
    });
    await reply
      .status(503)
      .header('Content-Type', PROBLEM_CONTENT_TYPE)
      .header('Retry-After', '5')
      .header('Connection', 'close')
      .send(problem);
  });
}
