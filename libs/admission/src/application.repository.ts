import type { DeepPartial, EntityManager } from 'typeorm';
import { entityFromRow, executePrepared, queryPrepared } from '@near/database';
import { FIND_APPLICATION_STATEMENT, updateIfVersionStatement } from './application-sql.js';
import { Application } from './application.entity.js';
import type { ApplicationState } from './workflow/application-workflow.js';

// The SQL of the applications table. (The view of an application with what hangs off it, read on every
// GET, is one prepared statement of its own: reading/application-view-sql.ts.)

/** One prepared statement, hydrated as TypeORM hydrates it: this load is on the path of every change. */
export async function find(db: EntityManager, id: string): Promise<Application | null> {
  const [row] = await queryPrepared<{ application: Record<string, unknown> }>(db, FIND_APPLICATION_STATEMENT, [id]);
  return row ? entityFromRow(db.dataSource, Application, row.application) : null;
}

/**
 * Holds the application as it is until the caller's transaction ends: a change of it waits, and one already
 * written waits for its own commit to be read. For what depends on its state without changing it.
 */
export async function lockForShare(db: EntityManager, id: string): Promise<void> {
  await db.query(`SELECT 1 FROM applications WHERE id = $1 FOR SHARE`, [id]);
}

export function findOrFail(db: EntityManager, id: string): Promise<Application> {
  return db.getRepository(Application).findOneByOrFail({ id });
}

export function insert(db: EntityManager, application: DeepPartial<Application>): Promise<Application> {
  const repository = db.getRepository(Application);
  return repository.save(repository.create(application));
}

/** The government's application that has not reached a final state, if any. */
export function findInProgressOf(db: EntityManager, governmentId: string): Promise<Application | null> {
  return db
    .getRepository(Application)
    .createQueryBuilder('a')
    .where('a.governmentId = :id', { id: governmentId })
    .andWhere(`a.state NOT IN ('ineligible', 'approved', 'rejected', 'withdrawn')`)
    .getOne();
}

/** The references of these applications, by id. */
export async function referencesOf(db: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; reference: string }[] = await db.query(`SELECT id, reference FROM applications WHERE id = ANY($1::uuid[])`, [
    ids,
  ]);
  return new Map(rows.map((row) => [row.id, row.reference]));
}

/** The id of the application with this reference, in any case (NEAR-2026-0007 or near-2026-0007). */
export async function idOfReference(db: EntityManager, reference: string): Promise<string | null> {
  const [row] = (await db.query(`SELECT id FROM applications WHERE reference = upper($1)`, [reference])) as { id: string }[];
  return row?.id ?? null;
}

/** The applications placed on a session's agenda, oldest first. */
export function listOnAgenda(db: EntityManager, assemblyId: string): Promise<Application[]> {
  return db.getRepository(Application).find({ where: { assemblyId }, order: { listPosition: 'ASC' } });
}

export interface ListQuery {
  /** Only these governments' applications (an applicant's own; a country's). */
  governmentIds?: readonly string[];
  onAnAgenda?: boolean;
  none?: boolean;
  states?: readonly ApplicationState[];
  assemblyId?: string;
  /** Only those in information_requested whose latest request for information was made at or before this moment. */
  requestedBefore?: Date;
  /** Text the reference contains (any case), or one of these governments' applications. */
  search?: { text: string; governmentIds: readonly string[] };
  /** A list position (a bigint, as text). */
  before?: string;
  limit: number;
}

/** Newest first, by position in filing order. */
export function list(db: EntityManager, query: ListQuery): Promise<Application[]> {
  const builder = db.getRepository(Application).createQueryBuilder('a').orderBy('a.listPosition', 'DESC').take(query.limit);
  if (query.none || query.states?.length === 0 || query.governmentIds?.length === 0) builder.andWhere('false');
  if (query.governmentIds?.length) builder.andWhere('a.governmentId IN (:...governmentIds)', { governmentIds: query.governmentIds });
  if (query.onAnAgenda) builder.andWhere('a.assemblyId IS NOT NULL');
  if (query.states?.length) builder.andWhere('a.state IN (:...states)', { states: query.states });
  if (query.assemblyId) builder.andWhere('a.assemblyId = :assemblyId', { assemblyId: query.assemblyId });
  if (query.requestedBefore) {
    builder.andWhere(
      `a.state = 'information_requested' AND (SELECT max(m.created_at) FROM application_messages m
         WHERE m.application_id = a.id AND m.kind = 'information-request') <= :requestedBefore`,
      { requestedBefore: query.requestedBefore },
    );
  }
  if (query.search) {
    // strpos, not LIKE: the text is the user's, and % or _ in it must mean themselves.
    const byReference = 'strpos(lower(a.reference), lower(:text)) > 0';
    builder.andWhere(query.search.governmentIds.length ? `(${byReference} OR a.governmentId IN (:...namedGovernmentIds))` : byReference, {
      text: query.search.text,
      namedGovernmentIds: query.search.governmentIds,
    });
  }
  if (query.before !== undefined) builder.andWhere('a.listPosition < :position', { position: query.before });
  return builder.getMany();
}

/**
 * Writes a change only if nobody changed the application since it was loaded (TypeORM's save() would not
 * check): true when it was written.
 */
export async function updateIfVersion(db: EntityManager, application: Application, changes: Record<string, unknown>): Promise<boolean> {
  const metadata = db.dataSource.getMetadata(Application);
  const entries = Object.entries(changes);
  const statement = updateIfVersionStatement(entries.map(([property]) => metadata.findColumnWithPropertyName(property)!.databaseName));
  const values = [application.id, application.version, ...entries.map(([, value]) => value)];
  return (await executePrepared(db, statement, values)) === 1;
}
