import type { DataSource } from 'typeorm';

/**
 * What a refused request must leave as it was: per table, its row count and the newest transaction that wrote
 * one of its rows. Every INSERT and UPDATE writes a row version stamped with its transaction's id (xmin), and
 * ids only grow (short of a wraparound, some four billion transactions on), so a committed insert or update
 * raises the newest, and a delete lowers the count. An UPDATE that writes the values a row already had shows
 * too: it is a write all the same. Reading two numbers per table instead of a digest of every row keeps the
 * hostile-input suite's thousands of fingerprints cheap as tables grow.
 */
export interface DatabaseFingerprint {
  tables: Record<string, string>;
}

const tablesOf = new WeakMap<DataSource, Promise<string[]>>();

/** The application's tables (the migrations' bookkeeping aside), read once per database. */
function applicationTables(dataSource: DataSource): Promise<string[]> {
  let tables = tablesOf.get(dataSource);
  if (!tables) {
    tables = dataSource
      .query(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('migrations', 'typeorm_metadata')
         ORDER BY table_name`,
      )
      .then((rows: { name: string }[]) => rows.map((row) => row.name));
    tablesOf.set(dataSource, tables);
  }
  return tables;
}

export async function databaseFingerprint(dataSource: DataSource): Promise<DatabaseFingerprint> {
  const tables = await applicationTables(dataSource);
  const rows = (await dataSource.query(
    tables
      .map((table) => `SELECT '${table}' AS name, count(*) || ':' || coalesce(max(xmin::text::bigint), 0) AS digest FROM "${table}"`)
      .join(' UNION ALL '),
  )) as { name: string; digest: string }[];
  return { tables: Object.fromEntries(rows.map((row) => [row.name, row.digest])) };
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: DatabaseFingerprint, after: DatabaseFingerprint): string[] {
  return Object.keys({ ...before.tables, ...after.tables }).filter((table) => before.tables[table] !== after.tables[table]);
}
