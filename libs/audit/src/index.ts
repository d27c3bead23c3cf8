// The audit trail: an append-only, hash-chained record of every change, written in the same transaction
// as the change (AuditTrail.record), read by filter or per record (AuditQuery), exported as CSV, and
// checked end to end by AuditVerifier (also the `npm run audit:verify` CLI). The table refuses UPDATE,
// DELETE and TRUNCATE itself; see migrations/1764460800000-audit-trail.ts in libs/database.
export { type AuditContext, SYSTEM_CONTEXT } from './audit-context.js';
export type { AuditEntryInput, AuditEvent } from './audit-entry.js';
export { AuditTrail, AUDIT_CHAIN_LOCK_KEY } from './audit-trail.js';
export { AuditQuery, MAX_AUDIT_PAGE_SIZE, type AuditFilter, type AuditPageRequest, type AuditPage } from './audit-query.js';
export {
  AuditVerifier,
  toVerificationResponse,
  type AuditBreak,
  type AuditVerification,
  type AuditVerificationResponse,
  type AuditVerifierOptions,
} from './audit-verifier.js';
export { toCsv, AUDIT_CSV_COLUMNS } from './audit-csv.js';
export { canonicalJson } from './canonical-json.js';
export { entryHash, GENESIS_HASH, type HashedFields } from './entry-hash.js';
export { AuditModule } from './audit.module.js';
