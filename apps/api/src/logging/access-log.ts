import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { redactUrl } from './redact-url.js';
import { clientRequestIdOf } from './request-id.js';

/**
 * One line per answered request, from Fastify's own hook: status, time, the request id every answer carries and
 * the client's own X-Request-Id, if it sent one.
 * Not pino-http as Nest middleware: that ran Fastify's middleware engine, built a child logger and opened an
 * AsyncLocalStorage context for every request (the last taxing every promise in the process), about a quarter
 * of the API's CPU per read in the benchmark, even when the level let no line out.
 */
export function logEveryResponse(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode;
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    logger[level](
      {
        req: {
          id: request.id,
          clientRequestId: clientRequestIdOf(request.raw),
          method: request.method,
          url: redactUrl(request.url),
          remoteAddress: request.ip,
        },
        // The response itself: pino's serializer reads the status only from a response whose headers were sent.
        res: reply.raw,
        responseTime: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
  });
}
