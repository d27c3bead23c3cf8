import type pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * A statement PostgreSQL parses and plans once per connection (a named prepared statement) instead of on every
 * call: for the few statements on the path of every request, where planning costs more than running (the
 * application view's six subqueries plan in ~0.3 ms and run in ~0.05 ms).
 * Its result columns must not follow a table's columns (no `SELECT *`; `to_jsonb(row)` is one jsonb column
 * whatever the row holds): PostgreSQL replans a prepared statement after a migration, but refuses one whose
 * result columns changed, and every connection that prepared it before would fail it until it reconnects.
 * Named statements live on a server connection: a pooler between the app and PostgreSQL must keep a client on
 * one server connection (session pooling; PgBouncer's transaction pooling only from 1.21, with
 * `max_prepared_statements`).
 */
export interface PreparedStatement {
  /** Unique per text: pg refuses a name it has already prepared with another text on the same connection. */
  readonly name: string;
  readonly text: string;
}

/**
 * Runs a prepared statement on the transaction's connection when the manager has one (refused once it has ended),
 * on the pool otherwise.
 * Goes to pg directly, past TypeORM's query runner: errors are pg's own (`code` is the SQLSTATE).
 */
export async function queryPrepared<Row>(
  executor: DataSource | EntityManager,
  statement: PreparedStatement,
  values: readonly unknown[],
): Promise<Row[]> {
  return (await run(executor, statement, values)).rows as Row[];
}

/** Runs a prepared statement that returns no rows (as queryPrepared does); how many rows it changed. */
export async function executePrepared(
  executor: DataSource | EntityManager,
  statement: PreparedStatement,
  values: readonly unknown[],
): Promise<number> {
  return (await run(executor, statement, values)).rowCount ?? 0;
}

async function run(
  executor: DataSource | EntityManager,
  statement: PreparedStatement,
  values: readonly unknown[],
): Promise<pg.QueryResult> {
  const manager = 'manager' in executor ? executor.manager : executor;
  const runner = manager.queryRunner;
  // A transaction's manager after its end: on the pool, the statement would commit on its own, outside it.
  if (runner?.isReleased) throw new Error(`${statement.name}: the transaction of this EntityManager has ended`);
  const client: pg.Pool | pg.PoolClient = runner
    ? ((await runner.connect()) as pg.PoolClient)
    : (manager.dataSource.driver as unknown as { master: pg.Pool }).master;
  return client.query({ name: statement.name, text: statement.text, values: [...values] });
}

/**
 * Rows by id, answered in the order of `ids` (null for an id without a row, the same row for an id asked twice).
 * One id goes by `one` (`… = $1`), several by `many` (`… = ANY($1)`), which PostgreSQL plans anew at every
 * execution: worth it for a batch, not for a lone id.
 */
export async function queryPreparedByIds<Row>(
  executor: DataSource | EntityManager,
  statements: { one: PreparedStatement; many: PreparedStatement },
  ids: readonly string[],
  idOf: (row: Row) => string,
): Promise<(Row | null)[]> {
  const wanted = [...new Set(ids)];
  const rows =
    wanted.length === 1
      ? await queryPrepared<Row>(executor, statements.one, wanted)
      : await queryPrepared<Row>(executor, statements.many, [wanted]);
  const byId = new Map(rows.map((row) => [idOf(row), row]));
  return ids.map((id) => byId.get(id) ?? null);
}
