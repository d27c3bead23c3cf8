import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pinoOptions } from '@near/common';
import { AppConfig } from '@near/config';

/**
 * Nest's logger, writing through pino. Requests are logged by Fastify's hook (access-log.ts), so nestjs-pino
 * mounts its HTTP middleware on no route.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ forRoutes: [], pinoHttp: pinoOptions(config.log, 'api') }),
    }),
  ],
})
export class HttpLoggerModule {}
