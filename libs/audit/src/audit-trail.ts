import { Injectable } from '@nestjs/common';
import { AdvisoryLock, queryPrepared } from '@near/database';
import type { EntityManager } from 'typeorm';
import type { AuditContext } from './audit-context.js';
import type { AuditEntryInput, AuditEvent } from './audit-entry.js';
import { canonicalJson } from './canonical-json.js';
import { CHAIN_HEAD_STATEMENT, type ChainHead } from './chain-head-sql.js';
import { AUDIT_INSERT_COLUMNS, columnValues, entryHash, GENESIS_HASH, type HashedFields } from './entry-hash.js';
import { UUID_PATTERN } from './uuid.js';

/**
 * The chain lock: a transaction-scoped advisory lock every writer takes before reading the head of the
 * chain, held until its transaction commits or rolls back.
 *
 * Its cost: audited transactions commit one at a time, from the lock to the commit. On this machine one
 * connection committed ~1,350 audited transitions/s and eight ~4,100/s (measured on a 2-core machine): far above our volume.
 */
export const AUDIT_CHAIN_LOCK_KEY = AdvisoryLock.AuditChain;

// A lone UTF-16 surrogate, which UTF-8 cannot carry.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Appends entries to the hash-chained trail, inside the caller's transaction, so a change and its entry
 * commit together or not at all.
 */
@Injectable()
export class AuditTrail {
  /** Appends one entry; `manager` must be the EntityManager of the transaction that makes the change. */
  async record(manager: EntityManager, context: AuditContext, entry: AuditEntryInput): Promise<AuditEvent> {
    const [event] = await this.recordMany(manager, context, [entry]);
    return event;
  }

  /** Appends several entries in the given order, under one chain lock. */
  recordMany(manager: EntityManager, context: AuditContext, entries: readonly AuditEntryInput[]): Promise<AuditEvent[]> {
    return this.recordEach(
      manager,
      entries.map((entry) => ({ context, entry })),
    );
  }

  /** Appends entries of several actors (a batch of ballots) in the given order, under one chain lock, in one INSERT. */
  async recordEach(manager: EntityManager, items: readonly { context: AuditContext; entry: AuditEntryInput }[]): Promise<AuditEvent[]> {
    // Outside a transaction the lock would be released when its own statement ends and two writers
    // could read the same head; the entry could also outlive a change that failed.
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditTrail needs the EntityManager of the transaction that makes the change (dataSource.transaction(...))');
    }
    if (items.length === 0) return [];
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_KEY]);
    // Read under the lock, in a statement of its own: at READ COMMITTED (PostgreSQL's default) it sees
    // the entry the previous holder committed. A REPEATABLE READ or SERIALIZABLE transaction may still
    // read an older head; its insert then fails on the seq key (never a fork) and it must be retried.
    // The time comes from the database clock, under the lock, so that time order is seq order even
    // when the API and the worker run on machines whose clocks disagree.
    const [head] = await queryPrepared<ChainHead>(manager, CHAIN_HEAD_STATEMENT, []);

    let seq = head.seq === null ? 0 : Number(head.seq);
    let prevHash = head.hash ?? GENESIS_HASH;
    const stored: { fields: HashedFields; hash: string }[] = [];
    for (const { context, entry } of items) {
      seq += 1;
      const fields = storedFields(seq, head.now, prevHash, context, entry);
      const hash = entryHash(fields);
      stored.push({ fields, hash });
      prevHash = hash;
    }
    const values = stored.map(({ fields, hash }) => columnValues(fields, hash));
    const width = values[0].length;
    const placeholders = values.map((_, row) => `(${values[0].map((__, column) => `$${row * width + column + 1}`).join(', ')})`);
    await manager.query(`INSERT INTO audit_events (${AUDIT_INSERT_COLUMNS}) VALUES ${placeholders.join(', ')}`, values.flat());
    return stored.map(({ fields, hash }) => ({ ...fields, payload: JSON.parse(fields.payload) as Record<string, unknown>, hash }));
  }
}

/**
 * The entry exactly as PostgreSQL will store it, since the hash must match what is read back: uuids in
 * their canonical lower-case form, and characters a text column cannot hold replaced by U+FFFD, as the
 * driver would otherwise do behind the hash's back. The payload keeps everything (JSON escapes them).
 */
function storedFields(seq: number, occurredAt: string, prevHash: string, context: AuditContext, entry: AuditEntryInput): HashedFields {
  const { actor } = context;
  return {
    seq,
    occurredAt,
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
    prevHash,
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
