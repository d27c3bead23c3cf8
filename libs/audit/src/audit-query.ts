import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditEvent } from './audit-entry.js';
import { AUDIT_ROW_COLUMNS, type AuditRow, toAuditEvent } from './audit-row.js';
import { UUID_PATTERN } from './uuid.js';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  /** Entries about any of these records: an application and the documents issued for it. */
  about?: readonly { entityType: string; entityIds: readonly string[] }[];
  actorUserId?: string;
  action?: string;
  /** Entries at or after this instant. */
  from?: Date;
  /** Entries strictly before this instant. */
  to?: Date;
}

export interface AuditPageRequest {
  /** The `nextCursor` of the previous page: the seq of its last entry. */
  after?: number;
  /** At most MAX_AUDIT_PAGE_SIZE. */
  limit: number;
}

export interface AuditPage {
  items: AuditEvent[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: number | null;
}

export const MAX_AUDIT_PAGE_SIZE = 1_000;

/** Reads the trail: filtered pages for the secretariat and exports, and one record's history. */
@Injectable()
export class AuditQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Keyset pagination by seq, oldest first: entries appended while a client pages through only ever
   * land after its cursor, so no page repeats or skips an entry.
   */
  async list(filter: AuditFilter, page: AuditPageRequest, manager: EntityManager = this.dataSource.manager): Promise<AuditPage> {
    if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_AUDIT_PAGE_SIZE) {
      throw new RangeError(`limit must be an integer from 1 to ${MAX_AUDIT_PAGE_SIZE}`);
    }
    // actor_user_id is a uuid column: anything else cannot match, and would only make PostgreSQL throw.
    if (filter.actorUserId !== undefined && !UUID_PATTERN.test(filter.actorUserId)) return { items: [], nextCursor: null };

    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const where = (sql: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql(`$${parameters.length}`));
    };
    if (filter.entityType !== undefined) where((p) => `entity_type = ${p}`, filter.entityType);
    if (filter.entityId !== undefined) where((p) => `entity_id = ${p}`, filter.entityId);
    if (filter.about !== undefined) {
      const records = filter.about.filter((group) => group.entityIds.length > 0);
      if (records.length === 0) return { items: [], nextCursor: null };
      const alternatives = records.map(({ entityType, entityIds }) => {
        parameters.push(entityType, entityIds);
        return `(entity_type = $${parameters.length - 1} AND entity_id = ANY($${parameters.length}::text[]))`;
      });
      conditions.push(`(${alternatives.join(' OR ')})`);
    }
    if (filter.actorUserId !== undefined) where((p) => `actor_user_id = ${p}`, filter.actorUserId);
    if (filter.action !== undefined) where((p) => `action = ${p}`, filter.action);
    if (filter.from !== undefined) where((p) => `occurred_at >= ${p}`, filter.from);
    if (filter.to !== undefined) where((p) => `occurred_at < ${p}`, filter.to);
    if (page.after !== undefined) where((p) => `seq > ${p}`, page.after);
    parameters.push(page.limit + 1);

    const rows = (await manager.query(
      `SELECT ${AUDIT_ROW_COLUMNS} FROM audit_events
       ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY seq LIMIT $${parameters.length}`,
      parameters,
    )) as AuditRow[];
    const items = rows.slice(0, page.limit).map(toAuditEvent);
    return { items, nextCursor: rows.length > page.limit ? items[items.length - 1].seq : null };
  }

  /**
   * The entries of `action` whose payload has `key` equal to `value`, oldest first. Fast only where an index
   * covers the pair (the commitment of `ballot.cast`, see the ballot-receipts migration).
   */
  async withPayloadValue(
    action: string,
    key: string,
    value: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AuditEvent[]> {
    // Written into the SQL as a literal, so that it matches an index on the same expression.
    if (!/^[A-Za-z]{1,64}$/.test(key)) throw new RangeError(`Not a payload key: ${key}`);
    const rows = (await manager.query(
      `SELECT ${AUDIT_ROW_COLUMNS} FROM audit_events WHERE action = $1 AND (payload::jsonb) ->> '${key}' = $2 ORDER BY seq`,
      [action, value],
    )) as AuditRow[];
    return rows.map(toAuditEvent);
  }

  /** Every entry about one record, oldest first. */
  async history(entityType: string, entityId: string, manager: EntityManager = this.dataSource.manager): Promise<AuditEvent[]> {
    const rows = (await manager.query(
      `SELECT ${AUDIT_ROW_COLUMNS} FROM audit_events WHERE entity_type = $1 AND entity_id = $2 ORDER BY seq`,
      [entityType, entityId],
    )) as AuditRow[];
    return rows.map(toAuditEvent);
  }
}
