// The database as plumbing, knowing no domain: the connection options (shared by Nest and the TypeORM CLI),
// the migrations, the start-up checks, and helpers for the SQL each lib's repositories write.
export { dataSourceOptions, type EntityList, MIGRATIONS_TABLE } from './data-source-options.js';
export { grantAppRole, assertAppPrivileges, AppRoleError, APPEND_ONLY_TABLES } from './app-role.js';
export { DatabaseModule } from './database.module.js';
export { runMigrationsUnderLock } from './run-migrations.js';
export { ensureDatabaseExists, assertPostgresReachable } from './postgres-preflight.js';
export { isDatabaseUnavailableError, pgErrorCode, PgErrorCode } from './pg-errors.js';
export { AdvisoryLock } from './advisory-locks.js';
export { entityFromRow, entitiesFromRows } from './entity-from-row.js';
export { executePrepared, type PreparedStatement, queryPrepared, queryPreparedByIds } from './prepared-statement.js';
export { together } from './together.js';
