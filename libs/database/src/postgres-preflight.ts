import pg from 'pg';
import { StartupError } from '@near/common';
import { PgErrorCode, pgErrorCode } from './pg-errors.js';

function describe(url: string): { address: string; database: string } {
  const parsed = new URL(url);
  return { address: `${parsed.hostname}:${parsed.port || 5432}`, database: decodeURIComponent(parsed.pathname.slice(1)) };
}

/** A lone connection for a check at start-up (not the pool): fails within 3 s, never throws later on its own. */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Stops the start with one line when PostgreSQL is not there, rather than a retry loop of stack traces. */
export async function assertPostgresReachable(url: string): Promise<void> {
  const { address, database } = describe(url);
  try {
    const client = await connect(url);
    await client.end();
  } catch (error) {
    if (pgErrorCode(error) === PgErrorCode.InvalidCatalogName) {
      throw new StartupError(`PostgreSQL at ${address} has no database "${database}": set DATABASE_URL to the one to use.`);
    }
    throw new StartupError(
      `Cannot reach PostgreSQL at ${address} (${(error as Error).message || String(error)}). Start it with \`docker compose up -d\` or set DATABASE_URL.`,
    );
  }
}

/** In development and tests, creates the configured database when the server has none by that name. */
export async function ensureDatabaseExists(url: string): Promise<void> {
  const { database } = describe(url);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  let client: pg.Client;
  try {
    client = await connect(maintenance.toString());
  } catch {
    return; // assertPostgresReachable reports the address in one line
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`).catch((error: unknown) => {
        // Another process created it between our check and our CREATE: 42P04 once it has committed, a unique
        // violation on pg_database's names while it is still creating it (the API and the worker of `npm start`).
        const code = pgErrorCode(error);
        if (code !== PgErrorCode.DuplicateDatabase && code !== PgErrorCode.UniqueViolation) throw error;
      });
    }
  } finally {
    await client.end();
  }
}
