import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AppConfig } from '@near/config';
import { QueueErrorListeners } from './queue-error-listeners.js';
import { QueueName } from './queues.js';
import type { Redis } from 'ioredis';
import { REDIS } from './redis.module.js';

/** BullMQ on our Redis, under the configured key prefix (tests use one of their own), with every queue registered. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig, REDIS],
      // The shared connection: RedisModule closes it on shutdown (BullMQ leaves a connection it was given open).
      useFactory: (config: AppConfig, redis: Redis) => ({ connection: redis, prefix: config.redis.prefix }),
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
  ],
  providers: [QueueErrorListeners],
  exports: [BullModule],
})
export class QueuesModule {}
