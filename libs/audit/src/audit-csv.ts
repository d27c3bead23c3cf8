import type { AuditEvent } from './audit-entry.js';
import { canonicalJson } from './canonical-json.js';

/** The columns of the export, named as in the JSON API, in the order of the table. */
export const AUDIT_CSV_COLUMNS = [
  'seq',
  'occurredAt',
  'actorUserId',
  'actorRole',
  'actorGovernmentId',
  'action',
  'entityType',
  'entityId',
  'stateBefore',
  'stateAfter',
  'payload',
  'requestId',
  'clientAddress',
  'leafIndex',
] as const satisfies readonly (keyof AuditEvent)[];

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 CSV (CRLF line ends, a header row unless `header: false`, for exports written page by page).
 * The payload is its canonical JSON, the very text a leaf of the transparency log covers. Cells a spreadsheet would run as formulas get a leading `'` (strip it before recomputing).
 */
export function toCsv(events: readonly AuditEvent[], options: { header?: boolean } = {}): string {
  const lines = events.map((event) =>
    AUDIT_CSV_COLUMNS.map((column) => {
      const value = event[column];
      return cell(column === 'payload' ? canonicalJson(value) : value === null ? '' : String(value));
    }).join(','),
  );
  if (options.header ?? true) lines.unshift(AUDIT_CSV_COLUMNS.join(','));
  return lines.map((line) => `${line}\r\n`).join('');
}

function cell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
