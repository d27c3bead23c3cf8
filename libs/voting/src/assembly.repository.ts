import type { DeepPartial, EntityManager } from 'typeorm';
import { Assembly, type AssemblyBody, type AssemblyStatus } from './assembly.entity.js';

// The SQL of the assemblies table (sessions of the deciding bodies).

export interface AssemblyFilter {
  body?: AssemblyBody;
  status?: AssemblyStatus;
}

export function list(db: EntityManager, filter: AssemblyFilter): Promise<Assembly[]> {
  return db.getRepository(Assembly).find({
    where: { ...(filter.body ? { body: filter.body } : {}), ...(filter.status ? { status: filter.status } : {}) },
    order: { body: 'ASC', number: 'DESC' },
  });
}

export function find(db: EntityManager, id: string): Promise<Assembly | null> {
  return db.getRepository(Assembly).findOneBy({ id });
}

/** Loads a session for a change, serialising concurrent changes to it. */
export function findForUpdate(db: EntityManager, id: string): Promise<Assembly | null> {
  return db.getRepository(Assembly).createQueryBuilder('a').where('a.id = :id', { id }).setLock('pessimistic_write').getOne();
}

export function numberTaken(db: EntityManager, body: AssemblyBody, number: number): Promise<boolean> {
  return db.getRepository(Assembly).existsBy({ body, number });
}

export function insert(db: EntityManager, session: DeepPartial<Assembly>): Promise<Assembly> {
  const repository = db.getRepository(Assembly);
  return repository.save(repository.create(session));
}

export async function update(
  db: EntityManager,
  id: string,
  changes: Partial<Pick<Assembly, 'status' | 'openedAt' | 'closedAt'>>,
): Promise<void> {
  await db.getRepository(Assembly).update({ id }, changes);
}

/** The rule is frozen by the first ballot that opens; later ones keep that moment. */
export async function freezeRule(db: EntityManager, id: string, at: Date): Promise<void> {
  await db.query(`UPDATE assemblies SET rule_frozen_at = coalesce(rule_frozen_at, $2) WHERE id = $1`, [id, at]);
}

/** Written procedures not yet closed whose deadline has passed, earliest first. */
export async function writtenProceduresDue(db: EntityManager, now: Date): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM assemblies WHERE body = 'written_procedure' AND status <> 'closed' AND deadline <= $1 ORDER BY deadline`,
    [now],
  );
  return rows.map((row) => row.id);
}

/** The deciding body of a session. */
export async function bodyOf(db: EntityManager, id: string): Promise<AssemblyBody | undefined> {
  const [row] = await db.query(`SELECT body FROM assemblies WHERE id = $1`, [id]);
  return row?.body;
}
