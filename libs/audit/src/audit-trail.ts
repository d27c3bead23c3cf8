import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditContext } from './audit-context.js';
import type { AuditEntryInput, AuditEvent } from './audit-entry.js';
import { AuditEventsRepository, type NewAuditRow } from './audit-events.repository.js';
import { canonicalJson } from './canonical-json.js';
import { UUID_PATTERN } from './uuid.js';

// A lone UTF-16 surrogate, which UTF-8 cannot carry.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Appends entries to the trail, inside the caller's transaction, so a change and its entry commit together or
 * not at all. Only an INSERT: no lock, no read of other entries, so changes never wait for one another here.
 * The transparency log's integrator (in the worker) gives each committed entry its leaf afterwards.
 */
@Injectable()
export class AuditTrail {
  /** Appends one entry; `manager` must be the EntityManager of the transaction that makes the change. */
  async record(manager: EntityManager, context: AuditContext, entry: AuditEntryInput): Promise<AuditEvent> {
    const [event] = await this.recordMany(manager, context, [entry]);
    return event;
  }

  /** Appends several entries in the given order. */
  recordMany(manager: EntityManager, context: AuditContext, entries: readonly AuditEntryInput[]): Promise<AuditEvent[]> {
    return this.recordEach(
      manager,
      entries.map((entry) => ({ context, entry })),
    );
  }

  /** Appends entries of several actors (a batch of ballots) in the given order, in one INSERT. */
  async recordEach(manager: EntityManager, items: readonly { context: AuditContext; entry: AuditEntryInput }[]): Promise<AuditEvent[]> {
    // Outside a transaction the entry could outlive a change that failed.
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditTrail needs the EntityManager of the transaction that makes the change (dataSource.transaction(...))');
    }
    if (items.length === 0) return [];
    const rows = items.map(({ context, entry }) => storedRow(context, entry));
    const stored = await AuditEventsRepository.insert(manager, rows);
    return rows.map((row, i) => ({
      ...row,
      ...stored[i],
      payload: JSON.parse(row.payload) as Record<string, unknown>,
      leafIndex: null,
    }));
  }
}

/**
 * The entry exactly as PostgreSQL will store it, since a leaf covers what is read back: uuids in
 * their canonical lower-case form, and characters a text column cannot hold replaced by U+FFFD, as the
 * driver would otherwise do behind the hash's back. The payload keeps everything (JSON escapes them).
 */
function storedRow(context: AuditContext, entry: AuditEntryInput): NewAuditRow {
  const { actor } = context;
  return {
    actorUserId: uuidOrNull(actor?.userId, 'actor.userId'),
    actorRole: textOrNull(actor?.role),
    actorGovernmentId: uuidOrNull(actor?.governmentId, 'actor.governmentId'),
    action: requiredText(entry.action, 'action'),
    entityType: requiredText(entry.entityType, 'entityType'),
    entityId: requiredText(entry.entityId, 'entityId'),
    stateBefore: textOrNull(entry.stateBefore),
    stateAfter: textOrNull(entry.stateAfter),
    payload: canonicalJson(entry.payload ?? {}),
    requestId: textOrNull(context.requestId),
    clientAddress: textOrNull(context.clientAddress),
  };
}

function textOrNull(value: string | null | undefined): string | null {
  // NUL is the one character a PostgreSQL text cannot hold at all.
  return value === null || value === undefined ? null : value.replace(LONE_SURROGATE, '\ufffd').replaceAll('\u0000', '\ufffd');
}

function requiredText(value: string, name: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new Error(`An audit entry needs a non-empty ${name}`);
  return textOrNull(value)!;
}

function uuidOrNull(value: string | null | undefined, name: string): string | null {
  if (value === null || value === undefined) return null;
  if (!UUID_PATTERN.test(value)) throw new Error(`The audit context's ${name} must be a uuid (got ${JSON.stringify(value)})`);
  return value.toLowerCase();
}
