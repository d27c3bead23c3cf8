import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import {
  act,
  aProspectiveApplicant,
  applicationInput,
  aSession,
  ALL_CRITERIA_PASSED,
  type ApplicationBody,
  fileApplication,
} from './fixtures/applications.js';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { asBuffer } from './utils/binary-body.js';
import { integrateLog } from './utils/integrate-log.js';

const MiB = 1024 * 1024;
const PROBLEM_JSON = /^application\/problem\+json/;

/**
 * A small but valid PDF (one empty page, a correct xref table) carrying a stream with every byte
 * value 0–255, so that any text decoding, newline translation or truncation on the way shows.
 */
function aPdf(label: string): Buffer {
  const binary = Buffer.from(Array.from({ length: 256 }, (_, byte) => byte));
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (chunk: string | Buffer) => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    parts.push(buffer);
    length += buffer.length;
  };
  const object = (body: string | (string | Buffer)[]) => {
    offsets.push(length);
    push(`${offsets.length} 0 obj\n`);
    for (const chunk of typeof body === 'string' ? [body] : body) push(chunk);
    push('\nendobj\n');
  };
  push('%PDF-1.4\n');
  push(Buffer.from([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a])); // the binary-file marker comment
  object('<< /Type /Catalog /Pages 2 0 R >>');
  object('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  object([`<< /Length ${binary.length} /Label (${label}) >>\nstream\n`, binary, '\nendstream']);
  const xref = length;
  push(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`);
  for (const offset of offsets) push(`${String(offset).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/** A real PNG: its signature, an IHDR chunk for a 1×1 image and IEND (CRCs aside, what a sniffer sees). */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.from('0000000049454e44ae426082', 'hex'),
]);

/** The same PNG with a tEXt chunk saying "%PDF-1.4" inside its first KiB: still a PNG. */
const PNG_MENTIONING_PDF = (() => {
  const text = Buffer.from('Comment\0%PDF-1.4 is what this is not', 'latin1');
  const chunk = Buffer.concat([Buffer.alloc(4), Buffer.from('tEXt'), text, Buffer.alloc(4)]);
  chunk.writeUInt32BE(text.length, 0);
  return Buffer.concat([PNG.subarray(0, 33), chunk, PNG.subarray(33)]);
})();

/** A file of exactly `size` bytes that starts like a PDF. */
const aPdfOfSize = (size: number) => {
  const content = Buffer.alloc(size, 0x20);
  Buffer.from('%PDF-1.4\n').copy(content);
  Buffer.from('\n%%EOF\n').copy(content, size - 7);
  return content;
};

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

describe('the official letter over HTTP', () => {
  let api: TestApp;
  let secretariat: TestUser;
  let applicant: TestUser;
  let delegate: TestUser;

  const upload = (user: TestUser, application: { id: string }, content: Buffer, fileName = 'letter.pdf', contentType = 'application/pdf') =>
    api.http().put(`/applications/${application.id}/letter`).set(bearer(user)).attach('file', content, { filename: fileName, contentType });
  const download = (user: TestUser, application: { id: string }) =>
    api.http().get(`/applications/${application.id}/letter`).set(bearer(user)).buffer(true).parse(asBuffer);
  const storedLetters = async (application: { id: string }): Promise<number> => {
    const [{ count }] = await api.dataSource.query(`SELECT count(*)::int AS count FROM application_letters WHERE application_id = $1`, [
      application.id,
    ]);
    return count;
  };
  const versionOf = async (application: { id: string }): Promise<number> => {
    const [{ version }] = await api.dataSource.query(`SELECT version FROM applications WHERE id = $1`, [application.id]);
    return Number(version);
  };
  const letterEntries = async (application: { id: string }) => {
    const history = await api.http().get(`/applications/${application.id}/history`).set(bearer(secretariat)).expect(200);
    return (history.body as { action: string; payload: Record<string, unknown> }[]).filter(
      (entry) => entry.action === 'application.letter-uploaded',
    );
  };
  const expectProblem = (response: Response, status: number, type?: string) => {
    expect({ status: response.status, contentType: response.headers['content-type'] }).toEqual({
      status,
      contentType: expect.stringMatching(PROBLEM_JSON),
    });
    // A download parses its body as bytes, whatever the content type.
    const body: unknown = Buffer.isBuffer(response.body) ? JSON.parse(response.body.toString('utf8')) : response.body;
    expect(body).toMatchObject({ status, ...(type ? { type } : {}) });
    return body as Record<string, unknown>;
  };

  beforeAll(async () => {
    api = await createTestApp();
    secretariat = await aUser(api, 'secretariat');
    applicant = await aProspectiveApplicant(api);
    delegate = await aUser(api, 'delegate', { government: 'Toyama' });
  });
  afterAll(() => api.close());

  it('stores a PDF with its SHA-256 and returns it byte for byte to the applicant, the secretariat and, once on an agenda, a delegate', async () => {
    const filed = await fileApplication(api, applicant);
    const first = aPdf('first');
    expect(first.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');

    const uploaded = await upload(applicant, filed, first).expect(200);
    expect(uploaded.body).toMatchObject({
      id: filed.id,
      state: 'submitted',
      version: filed.version + 1,
      letter: { sha256: sha256(first), sizeBytes: first.length, fileName: 'letter.pdf', uploadedAt: expect.any(String) },
    });
    expect(Math.abs(Date.parse(uploaded.body.letter.uploadedAt) - Date.now())).toBeLessThan(60_000);
    expect(uploaded.headers.etag).toBe(`"${filed.version + 1}"`);
    const shown = await api.http().get(`/applications/${filed.id}`).set(bearer(applicant)).expect(200);
    expect(shown.body.letter).toEqual(uploaded.body.letter);

    for (const reader of [applicant, secretariat]) {
      const letter = await download(reader, filed).expect(200);
      expect(letter.headers['content-type']).toBe('application/pdf');
      expect(letter.headers['x-content-sha256']).toBe(sha256(first));
      expect(Buffer.isBuffer(letter.body)).toBe(true);
      expect((letter.body as Buffer).equals(first)).toBe(true);
    }
    // A delegate sees only what is on an agenda.
    expectProblem(await download(delegate, filed), 404);

    const second = aPdf('second, replacing the first');
    const replaced = await upload(applicant, filed, second, 'letter-signed.pdf').expect(200);
    expect(replaced.body).toMatchObject({
      version: filed.version + 2,
      letter: { sha256: sha256(second), sizeBytes: second.length, fileName: 'letter-signed.pdf' },
    });
    expect((await download(applicant, filed).expect(200)).body).toEqual(second);
    expect(await storedLetters(filed)).toBe(2);
    const kept = await api.dataSource.query(
      `SELECT sha256, content FROM application_letters WHERE application_id = $1 ORDER BY uploaded_at`,
      [filed.id],
    );
    expect(
      kept.map((row: { sha256: string; content: Buffer }) => [
        row.sha256,
        row.content.equals(row.sha256 === sha256(first) ? first : second),
      ]),
    ).toEqual([
      [sha256(first), true],
      [sha256(second), true],
    ]);

    expect((await letterEntries(filed)).map((entry) => entry.payload)).toEqual([
      expect.objectContaining({ sha256: sha256(first), sizeBytes: first.length, fileName: 'letter.pdf', version: filed.version + 1 }),
      expect.objectContaining({
        sha256: sha256(second),
        sizeBytes: second.length,
        fileName: 'letter-signed.pdf',
        version: filed.version + 2,
      }),
    ]);

    // Through review to an agenda; the delegate then gets the newest letter.
    await act(api, secretariat, filed, 'start-review').expect(200);
    await api.http().put(`/applications/${filed.id}/eligibility`).set(bearer(secretariat)).send(ALL_CRITERIA_PASSED).expect(200);
    await act(api, secretariat, filed, 'declare-eligible').expect(200);
    const session = await aSession(api, secretariat);
    await act(api, secretariat, filed, 'place-on-agenda', { assemblyId: session.id }).expect(200);
    const forDelegate = await download(delegate, filed).expect(200);
    expect(forDelegate.headers['content-type']).toBe('application/pdf');
    expect((forDelegate.body as Buffer).equals(second)).toBe(true);
  });

  it('accepts a replacement while information is requested, and refuses one while under review with 409', async () => {
    const other = await aProspectiveApplicant(api, 'KR');
    const filed = await fileApplication(api, other);
    await act(api, secretariat, filed, 'start-review').expect(200);

    const letter = aPdf('under review');
    const refused = await upload(other, filed, letter);
    expectProblem(refused, 409, 'urn:near:problem:not-editable');
    expect(refused.body.currentState).toBe('under_review');
    expect({ letters: await storedLetters(filed), version: await versionOf(filed) }).toEqual({ letters: 0, version: 2 });

    await act(api, secretariat, filed, 'request-information', { message: 'Please upload the signed letter.' }).expect(200);
    const accepted = await upload(other, filed, letter).expect(200);
    expect(accepted.body).toMatchObject({ state: 'information_requested', version: 4, letter: { sha256: sha256(letter) } });
    expect((await letterEntries(filed)).map((entry) => entry.payload.sha256)).toEqual([sha256(letter)]);
  });

  describe('refusals, which store nothing', () => {
    let owner: TestUser;
    let filed: ApplicationBody;
    let before: { letters: number; version: number; entries: number };

    const state = async () => ({
      letters: await storedLetters(filed),
      version: await versionOf(filed),
      entries: (await letterEntries(filed)).length,
    });

    beforeAll(async () => {
      owner = await aProspectiveApplicant(api, 'MN');
      filed = await fileApplication(api, owner);
      // One accepted letter first, so "nothing stored" means "still exactly that one".
      await upload(owner, filed, aPdf('the one that stays')).expect(200);
      before = await state();
    });

    it('starts from one accepted letter', () => {
      expect(before).toEqual({ letters: 1, version: 2, entries: 1 });
    });

    it('refuses a PNG renamed letter.pdf, sent as application/pdf, with 415', async () => {
      const response = await upload(owner, filed, PNG, 'letter.pdf', 'application/pdf');
      expectProblem(response, 415, 'urn:near:problem:letter-not-pdf');
      expect(await state()).toEqual(before);
    });

    it('refuses a PDF sent as the raw body instead of a form with 415', async () => {
      const response = await api
        .http()
        .put(`/applications/${filed.id}/letter`)
        .set(bearer(owner))
        .set('Content-Type', 'application/pdf')
        .send(aPdf('raw body'));
      expectProblem(response, 415);
      expect(await state()).toEqual(before);
    });

    it('refuses an empty file with 400', async () => {
      const response = await upload(owner, filed, Buffer.alloc(0));
      expectProblem(response, 400);
      expect(await state()).toEqual(before);
    });

    it('refuses an 11 MB file with 413, and carries on serving afterwards', async () => {
      const response = await upload(owner, filed, aPdfOfSize(11 * MiB));
      expectProblem(response, 413);
      expect(await state()).toEqual(before);
      // The process and the connection pool are fine: the next requests are answered normally.
      await api.http().get(`/applications/${filed.id}`).set(bearer(owner)).expect(200);
      await api.http().get('/health').expect(200);
    });

    it('refuses a file one byte over 10 MB with 413', async () => {
      const response = await upload(owner, filed, aPdfOfSize(10 * MiB + 1));
      expectProblem(response, 413);
      expect(await state()).toEqual(before);
    });

    it('refuses an upload in another field than "file" with 400', async () => {
      const response = await api
        .http()
        .put(`/applications/${filed.id}/letter`)
        .set(bearer(owner))
        .attach('document', aPdf('wrong field'), { filename: 'letter.pdf', contentType: 'application/pdf' });
      expectProblem(response, 400);
      expect(await state()).toEqual(before);
    });

    it('refuses two files in the field "file" with 400', async () => {
      const response = await api
        .http()
        .put(`/applications/${filed.id}/letter`)
        .set(bearer(owner))
        .attach('file', aPdf('one'), 'one.pdf')
        .attach('file', aPdf('two'), 'two.pdf');
      expectProblem(response, 400);
      expect(await state()).toEqual(before);
    });

    it('refuses a form with no file at all with 400', async () => {
      const response = await api.http().put(`/applications/${filed.id}/letter`).set(bearer(owner)).field('note', 'no file here');
      expectProblem(response, 400);
      expect(await state()).toEqual(before);
    });

    it('refuses a JSON body with 400', async () => {
      const response = await api
        .http()
        .put(`/applications/${filed.id}/letter`)
        .set(bearer(owner))
        .send({ file: aPdf('as base64').toString('base64') });
      expectProblem(response, 400);
      expect(response.body.detail).toMatch(/multipart\/form-data.*"file"/);
      expect(await state()).toEqual(before);
    });

    it('answers 404 to the applicant of another government', async () => {
      const stranger = await aProspectiveApplicant(api, 'JP');
      expectProblem(await upload(stranger, filed, aPdf('a stranger’s')), 404);
      expectProblem(await download(stranger, filed), 404);
      expect(await state()).toEqual(before);
    });

    it('answers 403 to the secretariat, which reads letters but never uploads them', async () => {
      expectProblem(await upload(secretariat, filed, aPdf('the secretariat’s')), 403);
      expect(await state()).toEqual(before);
    });

    it('accepts a file of exactly 10 MB', async () => {
      const tenMegabytes = aPdfOfSize(10 * MiB);
      const response = await upload(owner, filed, tenMegabytes).expect(200);
      expect(response.body.letter).toMatchObject({ sha256: sha256(tenMegabytes), sizeBytes: 10 * MiB });
      expect(await state()).toEqual({ letters: before.letters + 1, version: before.version + 1, entries: before.entries + 1 });
      const back = await download(owner, filed).expect(200);
      expect((back.body as Buffer).equals(tenMegabytes)).toBe(true);
      expect((await letterEntries(filed)).at(-1)?.payload).toMatchObject({ sha256: sha256(tenMegabytes), sizeBytes: 10 * MiB });
    });
  });

  it('refuses a PNG that mentions "%PDF-" in its first KiB with 415: the content must start like a PDF', async () => {
    const who = await aProspectiveApplicant(api, 'MN');
    const filed = await fileApplication(api, who);
    expect(PNG_MENTIONING_PDF.subarray(0, 1024).includes('%PDF-')).toBe(true);
    const response = await upload(who, filed, PNG_MENTIONING_PDF, 'letter.pdf', 'application/pdf');
    expectProblem(response, 415, 'urn:near:problem:letter-not-pdf');
    expect({ letters: await storedLetters(filed), version: await versionOf(filed) }).toEqual({ letters: 0, version: filed.version });
    expect(await letterEntries(filed)).toEqual([]);
  });

  it('keeps a file name in any script', async () => {
    const who = await aProspectiveApplicant(api, 'CN');
    const filed = await fileApplication(api, who);
    const response = await upload(who, filed, aPdf('named'), '致NEAR的信（签字）.pdf').expect(200);
    expect(response.body.letter.fileName).toBe('致NEAR的信（签字）.pdf');
    expect((await letterEntries(filed))[0].payload.fileName).toBe('致NEAR的信（签字）.pdf');
  });

  it('stores exactly the uploads that won when several race, answers each winner with its own letter, and serves the newest', async () => {
    const who = await aProspectiveApplicant(api, 'KR');
    const filed = await fileApplication(api, who);
    let stored = 0;
    for (let round = 0; round < 3; round++) {
      const letters = Array.from({ length: 8 }, (_, i) => aPdf(`racing ${round}.${i}`));
      const answers = await Promise.all(letters.map((letter) => upload(who, filed, letter)));
      const won = answers.flatMap((answer, i) => (answer.status === 200 ? [{ answer, letter: letters[i] }] : []));
      expect(won.length).toBeGreaterThanOrEqual(1);
      for (const answer of answers.filter((each) => each.status !== 200)) expectProblem(answer, 409, 'urn:near:problem:concurrent-change');
      // Each winner is told about the letter it sent and the version its upload made, even when another
      // upload committed before its answer was put together.
      expect(won.map(({ answer, letter }) => answer.body.letter.sha256 === sha256(letter))).toEqual(won.map(() => true));
      expect(won.map(({ answer }) => answer.headers.etag)).toEqual(won.map(({ answer }) => `"${answer.body.version}"`));
      expect(new Set(won.map(({ answer }) => answer.body.version)).size).toBe(won.length);
      stored += won.length;
      expect({ letters: await storedLetters(filed), version: await versionOf(filed) }).toEqual({
        letters: stored,
        version: filed.version + stored,
      });
      const newest = won.reduce((a, b) => (a.answer.body.version > b.answer.body.version ? a : b));
      expect((await download(who, filed).expect(200)).headers['x-content-sha256']).toBe(sha256(newest.letter));
    }
    expect((await letterEntries(filed)).map((entry) => entry.payload.version)).toEqual(
      Array.from({ length: stored }, (_, i) => filed.version + 1 + i),
    );
  });

  it('answers 404 for the letter of an application that has none', async () => {
    const fresh = await aProspectiveApplicant(api, 'RU');
    const filed = await fileApplication(api, fresh);
    expectProblem(await download(fresh, filed), 404, 'urn:near:problem:letter-not-found');
  });

  it('keeps the audit trail valid against the log through all of the above', async () => {
    await integrateLog(api.database.url);
    const verify = await api.http().get('/audit-events/verify').set(bearer(secretariat)).expect(200);
    expect(verify.body).toMatchObject({ valid: true });
  });
});

describe('filing an application with its letter at once', () => {
  let api: TestApp;
  let secretariat: TestUser;

  beforeAll(async () => {
    api = await createTestApp();
    secretariat = await aUser(api, 'secretariat');
  });
  afterAll(() => api.close());

  const fileWithLetter = (user: TestUser, application: object | string | undefined, letter?: { content: Buffer; fileName?: string }) => {
    let request = api.http().post('/applications').set(bearer(user));
    if (application !== undefined)
      request = request.field('application', typeof application === 'string' ? application : JSON.stringify(application));
    if (letter)
      request = request.attach('letter', letter.content, { filename: letter.fileName ?? 'letter.pdf', contentType: 'application/pdf' });
    return request;
  };
  const counts = async (governmentId: string) => {
    const [row] = await api.dataSource.query(
      `SELECT (SELECT count(*) FROM applications WHERE government_id = $1)::int AS applications,
              (SELECT count(*) FROM notifications)::int AS notifications,
              (SELECT count(*) FROM audit_events)::int AS audit,
              (SELECT count(*) FROM application_letters)::int AS letters`,
      [governmentId],
    );
    return row as { applications: number; notifications: number; audit: number; letters: number };
  };

  it('files the application and stores its letter in one request, audited in that order, with the e-mails', async () => {
    const applicant = await aProspectiveApplicant(api);
    const before = await counts(applicant.governmentId);
    const letter = aPdf('filed-with');
    const filed = await fileWithLetter(applicant, applicationInput(applicant.governmentId), {
      content: letter,
      fileName: 'Letter of application.pdf',
    }).expect(201);
    expect(filed.body).toMatchObject({
      state: 'submitted',
      version: 1,
      letter: { sha256: sha256(letter), sizeBytes: letter.length, fileName: 'Letter of application.pdf' },
    });
    expect(filed.headers.location).toBe(`/applications/${filed.body.id}`);
    expect(filed.headers.etag).toBe('"1"');

    const history = await api.http().get(`/applications/${filed.body.id}/history`).set(bearer(secretariat)).expect(200);
    expect((history.body as { action: string }[]).map((entry) => entry.action)).toEqual([
      'application.submitted',
      'application.letter-uploaded',
    ]);
    const after = await counts(applicant.governmentId);
    expect(after).toMatchObject({ applications: 1, audit: before.audit + 2, letters: before.letters + 1 });
    expect(after.notifications).toBeGreaterThan(before.notifications);
  });

  it('leaves no application, no letter, no audit entry and no e-mail when the letter is refused', async () => {
    const applicant = await aProspectiveApplicant(api);
    const before = await counts(applicant.governmentId);
    const notPdf = await fileWithLetter(applicant, applicationInput(applicant.governmentId), { content: PNG, fileName: 'scan.png' }).expect(
      415,
    );
    expect(notPdf.body.type).toBe('urn:near:problem:letter-not-pdf');
    const tooLarge = await fileWithLetter(applicant, applicationInput(applicant.governmentId), {
      content: aPdfOfSize(10 * MiB + 1),
    }).expect(413);
    expect(tooLarge.headers['content-type']).toMatch(PROBLEM_JSON);
    await fileWithLetter(applicant, applicationInput(applicant.governmentId), { content: Buffer.alloc(0) }).expect(400);
    expect(await counts(applicant.governmentId)).toEqual(before);

    // The same filing with a PDF then goes through: nothing of the refused ones stood in its way.
    await fileWithLetter(applicant, applicationInput(applicant.governmentId), { content: aPdf('second try') }).expect(201);
  });

  it('refuses a multipart filing without its letter or its application, or with an application the JSON form refuses', async () => {
    const applicant = await aProspectiveApplicant(api);
    const before = await counts(applicant.governmentId);
    const noLetter = await fileWithLetter(applicant, applicationInput(applicant.governmentId)).expect(400);
    expect(noLetter.body.detail).toContain('"letter"');
    const noApplication = await fileWithLetter(applicant, undefined, { content: aPdf('alone') }).expect(400);
    expect(noApplication.body.detail).toContain('"application"');
    await fileWithLetter(applicant, '{"governmentId":', { content: aPdf('broken') }).expect(400);
    await fileWithLetter(applicant, '{"__proto__":{"polluted":true}}', { content: aPdf('proto') }).expect(400);
    const invalid = await fileWithLetter(applicant, applicationInput(applicant.governmentId, { headOfGovernment: '' }), {
      content: aPdf('invalid'),
    }).expect(400);
    expect(invalid.body.errors.map((error: { field: string }) => error.field)).toEqual(['headOfGovernment']);
    expect(await counts(applicant.governmentId)).toEqual(before);
  });
});
