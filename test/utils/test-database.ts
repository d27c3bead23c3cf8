import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@near/database';

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const MIGRATIONS_DIRECTORY = fileURLToPath(new URL('../../libs/database/src/migrations/', import.meta.url));
const TEMPLATE_PREFIX = 'near_test_template_';
/** An advisory lock key of the tests' own (the app's are in libs/database/src/advisory-locks.ts). */
const TEMPLATE_LOCK = 7_306_100;

/** A database of the test's own, never the development one; dropped by `drop()`. */
export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function urlOf(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** An empty database, for the tests of what happens to one (migrations, start-up); most want `aMigratedTestDatabase`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  return newDatabase(false);
}

/**
 * A database with every migration applied, as the API's start would leave it before anything else: a copy of a
 * template migrated once. Copying costs a fifth of migrating, and the suites start some ninety APIs.
 */
export async function aMigratedTestDatabase(): Promise<TestDatabase> {
  return newDatabase(true);
}

async function newDatabase(migrated: boolean): Promise<TestDatabase> {
  const name = `near_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (migrated) await copyTemplate(name);
  else await withAdmin((client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
  return {
    name,
    url: urlOf(name),
    drop: () =>
      withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)).then(() => undefined),
  };
}

/** The template's name follows the migrations' text, so that a migration added or being written makes a new one. */
function migrationsDigest(): string {
  const digest = createHash('sha256');
  const files = readdirSync(MIGRATIONS_DIRECTORY, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) digest.update(relative(MIGRATIONS_DIRECTORY, file)).update('\0').update(readFileSync(file)).update('\0');
  return digest.digest('hex').slice(0, 16);
}

let templateName: string | undefined;

/**
 * Copies the template into `name`, building it first where it is missing. Copies hold the lock shared; building
 * (which drops the templates of other migrations, another checkout's too) holds it alone, so that no template is
 * dropped between finding it and copying it. Jest's workers start together: one builds while the others wait.
 */
async function copyTemplate(name: string): Promise<void> {
  templateName ??= `${TEMPLATE_PREFIX}${migrationsDigest()}`;
  const template = templateName;
  const copy = `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`;
  const exists = async (client: pg.Client) =>
    ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).rowCount ?? 0) > 0;
  await withAdmin(async (client) => {
    await client.query('SELECT pg_advisory_lock_shared($1)', [TEMPLATE_LOCK]);
    try {
      if (await exists(client)) {
        await client.query(copy);
        return;
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock_shared($1)', [TEMPLATE_LOCK]);
    }
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      if (!(await exists(client))) await buildTemplate(client, template);
      await client.query(copy);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}

async function buildTemplate(client: pg.Client, name: string): Promise<void> {
  const stale = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${TEMPLATE_PREFIX}%`]);
  for (const { datname } of stale.rows) await client.query(`DROP DATABASE ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
  // Built under another name and renamed once whole: a run killed half way leaves no template that looks finished.
  const building = `${name}_building`;
  await client.query(`CREATE DATABASE ${pg.escapeIdentifier(building)}`);
  const dataSource = new DataSource({ ...dataSourceOptions(urlOf(building), 1), logging: false });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  // No connection may be open to a database while it is copied: none is allowed to this one.
  await client.query(`ALTER DATABASE ${pg.escapeIdentifier(building)} WITH ALLOW_CONNECTIONS false`);
  await client.query(`ALTER DATABASE ${pg.escapeIdentifier(building)} RENAME TO ${pg.escapeIdentifier(name)}`);
}

/** Drops a role a test created (after the databases it was granted on are gone). */
export async function dropTestRole(name: string): Promise<void> {
  await withAdmin((client) => client.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(name)}`));
}
