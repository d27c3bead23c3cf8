import type { EntityManager } from 'typeorm';

// The SQL of the session_attendance table.

export async function presentAt(db: EntityManager, sessionId: string): Promise<string[]> {
  const rows: { government_id: string }[] = await db.query(
    `SELECT government_id FROM session_attendance WHERE assembly_id = $1 ORDER BY government_id`,
    [sessionId],
  );
  return rows.map((row) => row.government_id);
}

/** Which of these governments are present at the session. */
export async function presentAmong(db: EntityManager, sessionId: string, governmentIds: readonly string[]): Promise<string[]> {
  const rows: { government_id: string }[] = await db.query(
    `SELECT government_id FROM session_attendance WHERE assembly_id = $1 AND government_id = ANY($2::uuid[])`,
    [sessionId, governmentIds],
  );
  return rows.map((row) => row.government_id);
}

export async function remove(db: EntityManager, sessionId: string, governmentIds: readonly string[]): Promise<void> {
  if (governmentIds.length === 0) return;
  await db.query(`DELETE FROM session_attendance WHERE assembly_id = $1 AND government_id = ANY($2::uuid[])`, [sessionId, governmentIds]);
}

export async function add(db: EntityManager, sessionId: string, governmentIds: readonly string[]): Promise<void> {
  if (governmentIds.length === 0) return;
  await db.query(`INSERT INTO session_attendance (assembly_id, government_id) SELECT $1, unnest($2::uuid[])`, [sessionId, governmentIds]);
}
