import type { DataSource } from 'typeorm';
import { AUDIT_ROW_COLUMNS, type AuditRow, hashedFieldsOf } from './audit-row.js';
import { entryHash, GENESIS_HASH } from './entry-hash.js';

/**
 * Why an entry breaks the trail, checked in this order:
 * - `sequence gap`: its seq is not the previous one + 1 (an entry before it was deleted);
 * - `chain broken`: its prev_hash is not the previous entry's hash (entries were moved or replaced);
 * - `hash mismatch`: its hash is not the hash of its own content (a field was changed).
 */
export type AuditBreak = 'sequence gap' | 'chain broken' | 'hash mismatch';

export interface AuditVerification {
  valid: boolean;
  /** Entries found intact: all of them when valid, those before the first broken one otherwise. */
  checked: number;
  /** The seq of the first broken entry. */
  firstInvalidSeq?: number;
  reason?: AuditBreak;
  /** The newest entry of a valid, non-empty trail; recording its hash elsewhere lets a later verify notice a cut-off tail. */
  head?: { seq: number; hash: string };
}

/** The answer of `GET /audit-events/verify`, as issue 3 specifies it. */
export interface AuditVerificationResponse {
  valid: boolean;
  checked: number;
  /** The seq of the first broken entry. */
  firstInvalidId?: number;
}

export function toVerificationResponse(verification: AuditVerification): AuditVerificationResponse {
  return verification.valid
    ? { valid: true, checked: verification.checked }
    : { valid: false, checked: verification.checked, firstInvalidId: verification.firstInvalidSeq };
}

export interface AuditVerifierOptions {
  /** Rows read per query; memory stays flat whatever the size of the trail. */
  batchSize?: number;
}

/**
 * Recomputes the whole chain from the first entry and names the first one that does not hold. Plain
 * class (no Nest needed), so the `audit:verify` CLI can run it on a bare DataSource.
 *
 * What it cannot see from the table alone: the newest entries deleted (the rest still chains), or the
 * whole chain rewritten from some entry on by someone who recomputes every later hash. Both need a head
 * hash kept outside the database (see `head`).
 */
export class AuditVerifier {
  private readonly batchSize: number;

  constructor(
    private readonly dataSource: DataSource,
    options: AuditVerifierOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 5_000;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  }

  verify(): Promise<AuditVerification> {
    // One snapshot for the whole walk: entries committed meanwhile are not half seen. It takes no lock,
    // so writers carry on while it runs.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      let checked = 0;
      let previous = { seq: 0, hash: GENESIS_HASH };
      let firstPage = true;
      for (;;) {
        // Keyset pagination on the primary key; the first page has no lower bound, so that even a row
        // forged with seq 0 or below is read (and reported).
        const rows = (await manager.query(
          firstPage
            ? `SELECT ${AUDIT_ROW_COLUMNS} FROM audit_events ORDER BY seq LIMIT $1`
            : `SELECT ${AUDIT_ROW_COLUMNS} FROM audit_events WHERE seq > $2 ORDER BY seq LIMIT $1`,
          firstPage ? [this.batchSize] : [this.batchSize, previous.seq],
        )) as AuditRow[];
        firstPage = false;
        for (const row of rows) {
          const fields = hashedFieldsOf(row);
          const reason = breakOf(fields.seq, fields.prevHash, row.hash, previous, () => entryHash(fields));
          if (reason) return { valid: false, checked, firstInvalidSeq: fields.seq, reason };
          checked += 1;
          previous = { seq: fields.seq, hash: row.hash };
        }
        if (rows.length < this.batchSize) {
          return checked === 0 ? { valid: true, checked } : { valid: true, checked, head: previous };
        }
      }
    });
  }
}

function breakOf(
  seq: number,
  prevHash: string,
  hash: string,
  previous: { seq: number; hash: string },
  recompute: () => string,
): AuditBreak | undefined {
  if (seq !== previous.seq + 1) return 'sequence gap';
  if (prevHash !== previous.hash) return 'chain broken';
  if (hash !== recompute()) return 'hash mismatch';
  return undefined;
}
