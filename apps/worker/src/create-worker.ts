import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import type { LoadedConfig } from '@near/config';
import { assertAppPrivileges, assertPostgresReachable, ensureDatabaseExists } from '@near/database';
import { assertDocumentWords, assertFontsInstalled } from '@near/documents/issuing';
import { assertRedisReachable } from '@near/queue';
import { WorkerModule } from './worker.module.js';

/** Builds the worker context: the same start-up checks as the API, then the queue consumers start. */
export async function createWorker(loaded: LoadedConfig): Promise<INestApplicationContext> {
  const { config } = loaded;
  if (!config.isProduction) await ensureDatabaseExists(config.database.url);
  await assertPostgresReachable(config.database.url);
  if (!config.database.migrationsRun) await assertAppPrivileges(config.database.url);
  await assertRedisReachable(config.redis.url);
  // The worker makes the documents: without their fonts or with broken words it would fail each one later.
  assertFontsInstalled();
  assertDocumentWords();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(loaded), { bufferLogs: true, abortOnError: false });
  try {
    app.useLogger(app.get(Logger));
    app.flushLogs();
    app.enableShutdownHooks();
    await app.init();
    return app;
  } catch (error) {
    // As the API's: a start that fails half-way must not leave its pool and Redis clients open.
    await app.close().catch(() => undefined);
    throw error;
  }
}
