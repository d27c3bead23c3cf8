// The single DataSource (shared by Nest and the TypeORM CLI), its migrations, and the start-up checks.
export { dataSourceOptions, MIGRATIONS_TABLE } from './data-source-options.js';
export { grantAppRole, assertAppPrivileges, AppRoleError, APPEND_ONLY_TABLES } from './app-role.js';
export { DatabaseModule } from './database.module.js';
export { runMigrationsUnderLock } from './run-migrations.js';
export { ensureDatabaseExists, assertPostgresReachable } from './postgres-preflight.js';
export { isDatabaseUnavailableError, pgErrorCode, PgErrorCode } from './pg-errors.js';
export { AdvisoryLock } from './advisory-locks.js';
export { entityFromRow, entitiesFromRows } from './entity-from-row.js';
export { type PreparedStatement, queryPrepared, queryPreparedByIds } from './prepared-statement.js';
