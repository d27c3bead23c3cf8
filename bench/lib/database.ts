import pg from 'pg';

const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/** The bench's own database, `near_bench_<pid>`, dropped at the end whatever happened. */
export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function asAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, application_name: 'near-bench' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `near_bench_${process.pid}`;
  const quoted = pg.escapeIdentifier(name);
  await asAdmin(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
  await asAdmin(`CREATE DATABASE ${quoted}`);
  // BENCH_LOG_STATEMENTS=1: PostgreSQL logs every statement of this database with its duration (a diagnosis, not a measure).
  if (process.env.BENCH_LOG_STATEMENTS) await asAdmin(`ALTER DATABASE ${quoted} SET log_min_duration_statement = 0`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => asAdmin(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`) };
}

/**
 * A pool of `max` connections to the bench database (the raw baselines' "clients"), in pipeline mode as the API's
 * pool: a transaction's statements sent together share a round trip.
 */
export function poolOf(url: string, max: number): pg.Pool {
  return new pg.Pool({ connectionString: url, max, application_name: 'near-bench', pipeline: true });
}

/** Opens every connection of the pool up front, so that a measurement never includes connecting. */
export async function warmPool(pool: pg.Pool, size: number): Promise<void> {
  const clients = await Promise.all(Array.from({ length: size }, () => pool.connect()));
  for (const client of clients) client.release();
}
