import type { IncomingMessage } from 'node:http';
import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pinoOptions } from '@near/common';
import { AppConfig } from '@near/config';
import { redactUrl } from './redact-url.js';
import { requestIdOf } from './request-id.js';

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // nestjs-pino's default route pattern matches nothing under Fastify on Nest 12.
        forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        pinoHttp: {
          ...pinoOptions(config.log, 'api'),
          // Fastify has already given the request its id (see createApi); log lines carry the same one.
          genReqId: (request: IncomingMessage & { id?: string }) => request.id ?? requestIdOf(request),
          customLogLevel: (_request, response, error) =>
            error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
          serializers: {
            req: (request: { id: string; method: string; url: string; remoteAddress?: string }) => ({
              id: request.id,
              method: request.method,
              url: redactUrl(request.url),
              remoteAddress: request.remoteAddress,
            }),
            res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
          },
        },
      }),
    }),
  ],
})
export class HttpLoggerModule {}
