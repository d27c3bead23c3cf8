import { describe, expect, it } from '@jest/globals';
import type { AuditEvent } from './audit-entry.js';
import { AUDIT_CSV_COLUMNS, toCsv } from './audit-csv.js';

const anEvent = (overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  seq: 7,
  occurredAt: '2026-03-01T10:00:00.123Z',
  actorUserId: '6f1c1f0e-8a4b-4c1e-9b7a-0d2f3e4a5b6c',
  actorRole: 'secretariat',
  actorGovernmentId: null,
  action: 'application.request-information',
  entityType: 'application',
  entityId: 'app-1',
  stateBefore: 'under_review',
  stateAfter: 'information_requested',
  payload: { message: 'Please send the letter' },
  requestId: 'req-1',
  clientAddress: '203.0.113.7',
  leafIndex: 41,
  ...overrides,
});

const rowsOf = (csv: string) => csv.split('\r\n');

describe('the CSV export', () => {
  it('starts with a header row naming the fields as the JSON API does, and ends every line with CRLF', () => {
    const csv = toCsv([anEvent()]);
    expect(rowsOf(csv)[0]).toBe(AUDIT_CSV_COLUMNS.join(','));
    expect(rowsOf(csv)[0]).toBe(
      'seq,occurredAt,actorUserId,actorRole,actorGovernmentId,action,entityType,entityId,stateBefore,stateAfter,payload,requestId,clientAddress,leafIndex',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(rowsOf(csv)).toHaveLength(3);
  });

  it('writes null as an empty cell and the payload as its canonical JSON, quoted', () => {
    const [, row] = rowsOf(toCsv([anEvent({ payload: { b: 2, a: 'x' } })]));
    expect(rowsOf(toCsv([anEvent({ leafIndex: null })]))[1].endsWith('203.0.113.7,')).toBe(true);
    expect(row).toBe(
      `7,2026-03-01T10:00:00.123Z,6f1c1f0e-8a4b-4c1e-9b7a-0d2f3e4a5b6c,secretariat,,application.request-information,application,app-1,` +
        `under_review,information_requested,"{""a"":""x"",""b"":2}",req-1,203.0.113.7,41`,
    );
  });

  it('quotes cells holding commas, quotes or line breaks, doubling the quotes (RFC 4180)', () => {
    const csv = toCsv([anEvent({ stateBefore: 'a,b', stateAfter: 'say "hi"', requestId: 'line\nbreak', clientAddress: 'cr\rhere' })], {
      header: false,
    });
    expect(csv).toContain(',"a,b","say ""hi""",');
    expect(csv).toContain(',"line\nbreak","cr\rhere",');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    const csv = toCsv(
      [
        anEvent({
          entityId: '=HYPERLINK("http://evil.example")',
          stateBefore: '+1',
          stateAfter: '-2',
          requestId: '@SUM(A1)',
          clientAddress: '\tx',
          actorRole: '\rx',
        }),
      ],
      { header: false },
    );
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example"")",`);
    expect(csv).toContain(`,'+1,'-2,`);
    expect(csv).toContain(`,'@SUM(A1),'\tx,`);
    expect(csv).toContain(`,"'\rx",`);
  });

  it('leaves out the header when asked, for exports written page by page', () => {
    expect(toCsv([anEvent()], { header: false }).startsWith('7,')).toBe(true);
    expect(toCsv([])).toBe(`${AUDIT_CSV_COLUMNS.join(',')}\r\n`);
  });
});
