import type { AuditEvent } from '../../api/types.js';

const COLUMNS: (keyof AuditEvent)[] = [
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
  'prevHash',
  'hash',
];

/** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet does not run it as a formula. */
function cell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(events: AuditEvent[]): string {
  return [COLUMNS.join(','), ...events.map((event) => COLUMNS.map((column) => cell(event[column])).join(','))].join('\r\n') + '\r\n';
}
