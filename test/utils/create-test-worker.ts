import type { INestApplicationContext } from '@nestjs/common';
import { loadAppConfig } from '@near/config';
import { createWorker } from '../../apps/worker/src/create-worker.js';
import type { TestApp } from './create-test-app.js';
import { TEST_MAIL_DIR } from './spawn-app.js';

/** The real worker, in this process, on the test app's database and Redis prefix, with the given environment on top. */
export async function createTestWorker(api: TestApp, env: Record<string, string> = {}): Promise<INestApplicationContext> {
  const loaded = await loadAppConfig({
    ignoreEnvFile: true,
    overrides: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      JWT_SECRET: 'test-secret-that-is-at-least-32-characters-long',
      DATABASE_URL: api.config.database.url,
      REDIS_URL: api.config.redis.url,
      REDIS_PREFIX: api.config.redis.prefix,
      NOTIFICATION_RELAY_INTERVAL_MS: '100',
      NOTIFICATION_BACKOFF_MS: '100',
      MAIL_DIR: TEST_MAIL_DIR,
      ...env,
    },
  });
  return createWorker(loaded);
}
