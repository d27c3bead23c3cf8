import { DataSource } from 'typeorm';
import { LogIntegrator, LogSigner } from '@near/audit';
import { loadAppConfig } from '@near/config';
import { dataSourceOptions } from '@near/database';
import { waitFor } from './spawn-app.js';

/**
 * Makes every committed audit entry a leaf and signs a checkpoint, as the worker's integrator does, for suites
 * that run no worker: GET /audit-events/verify checks the entries of the latest checkpoint.
 */
export async function integrateLog(databaseUrl: string): Promise<void> {
  const { config } = await loadAppConfig({
    ignoreEnvFile: true,
    overrides: { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl },
  });
  const dataSource = await new DataSource({ ...dataSourceOptions(databaseUrl, 2), logging: false }).initialize();
  try {
    await new LogIntegrator(dataSource, new LogSigner(config)).integrateAll();
  } finally {
    await dataSource.destroy();
  }
}

/** Waits until a running worker has made every committed entry a leaf. */
export function integratedByWorker(query: (sql: string) => Promise<{ n: number }[]>, timeoutMs = 20_000): Promise<true> {
  return waitFor(
    async () => ((await query('SELECT count(*)::int AS n FROM log_pending'))[0].n === 0 ? true : undefined),
    timeoutMs,
    'the worker to integrate every entry',
  );
}
