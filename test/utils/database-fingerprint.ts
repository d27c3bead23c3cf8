import type { DataSource } from 'typeorm';

/** What a refused request must leave as it was: every table's rows, and the head of the audit chain. */
export interface DatabaseFingerprint {
  /** Per table: its row count and a digest of every row, so an update shows as well as an insert. */
  tables: Record<string, string>;
  auditHead: { seq: number | null; hash: string | null };
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
  const digests = tables.map(
    (table) =>
      `SELECT '${table}' AS name, count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') AS digest FROM "${table}" t`,
  );
  const [rows, [head]] = await Promise.all([
    dataSource.query(digests.join(' UNION ALL ')) as Promise<{ name: string; digest: string }[]>,
    dataSource.query(
      `SELECT max(seq)::int AS seq, (SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1) AS hash FROM audit_events`,
    ) as Promise<{ seq: number | null; hash: string | null }[]>,
  ]);
  return { tables: Object.fromEntries(rows.map((row) => [row.name, row.digest])), auditHead: { seq: head.seq, hash: head.hash } };
}

/** The tables whose rows differ between two fingerprints (`audit chain head` when it moved). */
export function changedTables(before: DatabaseFingerprint, after: DatabaseFingerprint): string[] {
  const tables = Object.keys({ ...before.tables, ...after.tables }).filter((table) => before.tables[table] !== after.tables[table]);
  const headMoved = before.auditHead.seq !== after.auditHead.seq || before.auditHead.hash !== after.auditHead.hash;
  return headMoved ? [...tables, 'audit chain head'] : tables;
}
