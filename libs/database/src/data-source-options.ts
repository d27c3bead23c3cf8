import type { DataSourceOptions, EntitySchema } from 'typeorm';
import { TypeOrmLogger } from './typeorm-logger.js';
import { MIGRATIONS } from './migrations/index.js';

export const MIGRATIONS_TABLE = 'schema_migrations';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for an entity class.
export type EntityList = readonly (Function | EntitySchema)[];

/**
 * The one description of our database connection; Nest and the TypeORM CLI both build from it. The
 * entities are the domain's business: Nest collects them from each lib's module (autoLoadEntities), the
 * CLI's data source in apps/api lists them; a plain connection needs none, migrations being SQL.
 */
export function dataSourceOptions(url: string, poolSize = 10, entities: EntityList = []): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [...entities],
    migrations: [...MIGRATIONS],
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // The schema is the migrations' alone (ids default to gen_random_uuid(), built in). Left on, TypeORM runs CREATE
    // EXTENSION "uuid-ossp" at every start: a warning where the role may not (production's), and a race between two
    // processes starting at once.
    installExtensions: false,
    logging: ['error', 'warn', 'migration'],
    logger: new TypeOrmLogger(),
    maxQueryExecutionTime: 1000,
    extra: {
      max: poolSize,
      // Fail fast when PostgreSQL is gone instead of queueing requests behind a dead pool.
      connectionTimeoutMillis: 3000,
      application_name: 'near-admission',
      // A statement goes out while the ones before it on the connection still await their answers: steps that
      // `together` runs side by side share a round trip. Code that awaits each statement behaves as without it.
      pipeline: true,
    },
  };
}
