import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadAppConfig, type AppConfig } from '@near/config';
import { createApi } from '../../apps/api/src/create-api.js';
import { aMigratedTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  dataSource: DataSource;
  /** A supertest agent bound to the running HTTP server. */
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

/** The real API, on a fresh database and its own Redis prefix, with the given environment on top. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = env.DATABASE_URL ? undefined : await aMigratedTestDatabase();
  const loaded = await loadAppConfig({
    ignoreEnvFile: true,
    overrides: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      JWT_SECRET: TEST_JWT_SECRET,
      REDIS_PREFIX: `near-test-${randomBytes(4).toString('hex')}`,
      ...(database ? { DATABASE_URL: database.url } : {}),
      ...env,
    },
  });
  const app = await createApi(loaded);
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get(DataSource);
  return {
    app,
    config: loaded.config,
    database: database ?? { name: '', url: env.DATABASE_URL!, drop: async () => undefined },
    dataSource,
    http: () => request(app.getHttpServer()),
    async close() {
      await app.close();
      await database?.drop();
    },
  };
}
