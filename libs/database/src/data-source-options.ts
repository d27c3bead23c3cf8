import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { TypeOrmLogger } from './typeorm-logger.js';
import { MIGRATIONS } from './migrations/index.js';

export const MIGRATIONS_TABLE = 'schema_migrations';

/** The one description of our database connection; Nest and the TypeORM CLI both build from it. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [...ENTITIES],
    migrations: [...MIGRATIONS],
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'warn', 'migration'],
    logger: new TypeOrmLogger(),
    maxQueryExecutionTime: 1000,
    extra: {
      max: poolSize,
      // Fail fast when PostgreSQL is gone instead of queueing requests behind a dead pool.
      connectionTimeoutMillis: 3000,
      application_name: 'near-admission',
    },
  };
}
