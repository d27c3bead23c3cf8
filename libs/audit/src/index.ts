// The audit trail: an append-only record of every change, written in the same transaction as the change
// (AuditTrail.record, an INSERT and nothing else), read by filter or per record (AuditQuery), exported as CSV.
// The transparency log over it (log/): the integrator (worker) makes committed entries leaves of an RFC 9162
// Merkle tree and signs C2SP checkpoints; TransparencyLog serves checkpoints, proofs and leaf data;
// AuditVerifier (also `npm run audit:verify`) checks the entries against the tree. The tables refuse UPDATE,
// DELETE and TRUNCATE themselves; see the audit-trail and transparency-log migrations in libs/database.
export { type AuditContext, SYSTEM_CONTEXT } from './audit-context.js';
export type { AuditEntryInput, AuditEvent } from './audit-entry.js';
export { AuditTrail } from './audit-trail.js';
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
export { LogIntegrator, type IntegrationResult } from './log/log-integrator.js';
export { LogSigner } from './log/log-signer.js';
export { LogError, LogErrorCode } from './log/log-error.js';
export {
  TransparencyLog,
  MAX_ENTRIES_PER_CALL,
  type ConsistencyProof,
  type EntryInclusion,
  type EntryLeaf,
  type InclusionProof,
} from './log/transparency-log.js';
export { generateSignerKey, verifierKeyOf, parseSignerKey } from './log/signed-note.js';
export { CHECKPOINT_BEGIN, CHECKPOINT_END } from './log/kept-checkpoint.js';
export { AuditModule } from './audit.module.js';
export { exportLogBundle, BUNDLE_FORMAT, type BundleSummary } from './log/log-bundle.js';
