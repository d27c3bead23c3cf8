import type { DeepPartial, EntityManager } from 'typeorm';
import { Session, type SessionBody, type SessionStatus } from './session.entity.js';

// The SQL of the assemblies table (sessions of the deciding bodies).

export interface SessionFilter {
  body?: SessionBody;
  status?: SessionStatus;
}

export function list(db: EntityManager, filter: SessionFilter): Promise<Session[]> {
  return db.getRepository(Session).find({
    where: { ...(filter.body ? { body: filter.body } : {}), ...(filter.status ? { status: filter.status } : {}) },
    order: { body: 'ASC', number: 'DESC' },
  });
}

export function find(db: EntityManager, id: string): Promise<Session | null> {
  return db.getRepository(Session).findOneBy({ id });
}

export function findByIds(db: EntityManager, ids: readonly string[]): Promise<Session[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.getRepository(Session).createQueryBuilder('a').where('a.id IN (:...ids)', { ids }).getMany();
}

/** Loads a session for a change, serialising concurrent changes to it. */
export function findForUpdate(db: EntityManager, id: string): Promise<Session | null> {
  return db.getRepository(Session).createQueryBuilder('a').where('a.id = :id', { id }).setLock('pessimistic_write').getOne();
}

/** Loads a session that a change elsewhere depends on, holding off its cancellation until that change commits. */
export function findForShare(db: EntityManager, id: string): Promise<Session | null> {
  return db.getRepository(Session).createQueryBuilder('a').where('a.id = :id', { id }).setLock('pessimistic_read').getOne();
}

/** Whether a session of the body not cancelled has the number (a cancelled session's number is free again). */
export async function numberTaken(db: EntityManager, body: SessionBody, number: number): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM assemblies WHERE body = $1 AND number = $2 AND status <> 'cancelled'`, [
    body,
    number,
  ]);
  return rows.length > 0;
}

export function insert(db: EntityManager, session: DeepPartial<Session>): Promise<Session> {
  const repository = db.getRepository(Session);
  return repository.save(repository.create(session));
}

export type SessionColumns = Pick<
  Session,
  | 'status'
  | 'openedAt'
  | 'closedAt'
  | 'cancelledAt'
  | 'number'
  | 'hostGovernmentId'
  | 'startsOn'
  | 'endsOn'
  | 'venue'
  | 'quorum'
  | 'majority'
  | 'ballotSecrecy'
>;

/** Writes the change and counts it in the version (the ETag of GET /assemblies/:id). */
export async function update(db: EntityManager, id: string, changes: Partial<SessionColumns>): Promise<void> {
  await db.getRepository(Session).update({ id }, { ...changes, version: () => 'version + 1' });
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
export async function bodyOf(db: EntityManager, id: string): Promise<SessionBody | undefined> {
  const [row] = await db.query(`SELECT body FROM assemblies WHERE id = $1`, [id]);
  return row?.body;
}
