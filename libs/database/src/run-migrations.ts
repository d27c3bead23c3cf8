import type { DataSource } from 'typeorm';

import { AdvisoryLock } from './advisory-locks.js';

const MIGRATION_LOCK_KEY = AdvisoryLock.Migrations;

/**
 * Runs pending migrations while holding a session advisory lock, so that several API and worker
 * processes starting together apply each migration once, and the others wait and then find nothing to do.
 */
export async function runMigrationsUnderLock(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
