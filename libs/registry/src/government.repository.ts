import type { EntityManager } from 'typeorm';
import { entityFromRow, queryPrepared } from '@near/database';
import { Government, type GovernmentLevel, type GovernmentStatus } from './government.entity.js';
import { FIND_GOVERNMENT_STATEMENT } from './government-sql.js';

// The SQL of the governments table. Another lib reads governments through GovernmentsService.

export interface GovernmentFilter {
  status?: GovernmentStatus;
  country?: string;
}

/** In registry order: country, then English name. */
export function list(db: EntityManager, filter: GovernmentFilter): Promise<Government[]> {
  const query = db.getRepository(Government).createQueryBuilder('g').orderBy('g.country').addOrderBy('g.nameEn');
  if (filter.status) query.andWhere('g.status = :status', { status: filter.status });
  if (filter.country) query.andWhere('g.country = :country', { country: filter.country });
  return query.getMany();
}

/** The ids of the governments whose English or local name contains the text, in any case. */
export async function idsNamed(db: EntityManager, text: string): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM governments WHERE strpos(lower(name_en), lower($1)) > 0 OR strpos(lower(name_local), lower($1)) > 0`,
    [text],
  );
  return rows.map((row) => row.id);
}

/** These governments, in registry order. */
export function listByIds(db: EntityManager, ids: readonly string[]): Promise<Government[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .getRepository(Government)
    .createQueryBuilder('g')
    .where('g.id IN (:...ids)', { ids })
    .orderBy('g.country')
    .addOrderBy('g.nameEn')
    .getMany();
}

export async function find(db: EntityManager, id: string): Promise<Government | null> {
  const [row] = await queryPrepared<{ government: Record<string, unknown> }>(db, FIND_GOVERNMENT_STATEMENT, [id]);
  return row ? entityFromRow(db.dataSource, Government, row.government) : null;
}

/** FOR UPDATE: the row stays as read until the caller's transaction ends. */
export function findForUpdate(db: EntityManager, id: string): Promise<Government | null> {
  return db.getRepository(Government).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

/** FOR SHARE: the government's status cannot change until the caller's transaction ends. */
export function findForShare(db: EntityManager, id: string): Promise<Government | null> {
  return db.getRepository(Government).findOne({ where: { id }, lock: { mode: 'pessimistic_read' } });
}

/** Which of these ids are governments. */
export async function existingIds(db: EntityManager, ids: readonly string[]): Promise<Set<string>> {
  const rows: { id: string }[] = await db.query(`SELECT id FROM governments WHERE id = ANY($1::uuid[])`, [ids]);
  return new Set(rows.map((row) => row.id));
}

export function findByName(db: EntityManager, country: string, nameEn: string): Promise<Government | null> {
  return db
    .getRepository(Government)
    .createQueryBuilder('g')
    .where('g.country = :country AND lower(g.nameEn) = lower(:nameEn)', { country, nameEn })
    .getOne();
}

export function insertProspective(
  db: EntityManager,
  input: { nameEn: string; nameLocal: string; country: string; level: GovernmentLevel; kind: string | null; timeZone: string | null },
): Promise<Government> {
  const repository = db.getRepository(Government);
  return repository.save(repository.create({ ...input, status: 'prospective', memberSince: null, admittedByAssemblyId: null }));
}

/** Locks the government for the admission and answers its status before. */
export async function lockStatus(db: EntityManager, id: string): Promise<GovernmentStatus> {
  const [row] = await db.query(`SELECT status FROM governments WHERE id = $1 FOR UPDATE`, [id]);
  return row.status as GovernmentStatus;
}

export async function admit(
  db: EntityManager,
  admission: { governmentId: string; status: 'member' | 'associate'; memberSince: string; assemblyId: string },
): Promise<void> {
  await db.query(
    `UPDATE governments SET status = $2, member_since = $3, admitted_by_assembly_id = $4, updated_at = now(), version = version + 1 WHERE id = $1`,
    [admission.governmentId, admission.status, admission.memberSince, admission.assemblyId],
  );
}

export interface NameCorrection {
  nameEn: string;
  nameLocal: string;
  level: GovernmentLevel;
  timeZone: string | null;
}

/** Writes the corrected names, level and zone, raising the version the caller read (the row is locked by then). */
export async function correct(db: EntityManager, id: string, correction: NameCorrection): Promise<void> {
  await db.query(
    `UPDATE governments SET name_en = $2, name_local = $3, level = $4, time_zone = $5, updated_at = now(), version = version + 1
      WHERE id = $1`,
    [id, correction.nameEn, correction.nameLocal, correction.level, correction.timeZone],
  );
}

/** The time zone of each of these governments that has one. */
export async function timeZones(db: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; timeZone: string }[] = await db.query(
    `SELECT id, time_zone AS "timeZone" FROM governments WHERE id = ANY($1::uuid[]) AND time_zone IS NOT NULL`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row.timeZone]));
}
