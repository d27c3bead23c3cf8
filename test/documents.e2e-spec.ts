import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { act, aProspectiveApplicant, aSession, type ApplicationBody, fileApplication } from './fixtures/applications.js';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { anApplicationOnTheAgenda, aVotingHall, recordPresent, type VotingHall } from './fixtures/voting.js';
import { createTestWorker } from './utils/create-test-worker.js';
import { hashLeaf, openSignedNote, readCheckpoint, verifyInclusion } from './utils/rfc9162.js';
import { asBuffer } from './utils/binary-body.js';

/*
 * Official documents (issue 21), read as a member government's office would: with poppler's pdftotext and
 * pdffonts, an implementation independent of the one that wrote them. Made by the real worker after each event,
 * in English and the application's language, kept byte for byte, and checked against the public record of the
 * decision, whose inclusion proof is verified by the test's own RFC 9162 code.
 */

const LANGUAGES = [
  { locale: 'ko', country: 'KR', nameLocal: '강원특별자치도' },
  { locale: 'ja', country: 'JP', nameLocal: '新潟県' },
  { locale: 'zh', country: 'CN', nameLocal: '黑龙江省' },
  { locale: 'ru', country: 'RU', nameLocal: 'Приморский край' },
  { locale: 'mn', country: 'MN', nameLocal: 'Өмнөговь аймаг' },
  { locale: 'en', country: 'KR', nameLocal: '경상북도' },
] as const;

interface DocumentRow {
  id: string;
  kind: string;
  language: string;
  sha256: string;
  createdAt: string;
}

const folder = mkdtempSync(join(tmpdir(), 'near-documents-'));

/** The text poppler extracts, its whitespace collapsed: a sentence or a title may wrap anywhere. */
function pdfText(pdf: Buffer): string {
  const file = join(folder, `${createHash('sha256').update(pdf).digest('hex')}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** A document's title in a language, as its readers' words file has it. */
const titleIn = (locale: string, key: string): string =>
  (JSON.parse(readFileSync(new URL(`../libs/documents/words/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>)[key];

/** pdffonts' table: name, type, encoding, and whether each font is embedded and subset. */
function pdfFonts(pdf: Buffer): { name: string; embedded: string; subset: string }[] {
  const file = join(folder, `fonts-${createHash('sha256').update(pdf).digest('hex')}.pdf`);
  writeFileSync(file, pdf);
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    // name type [type…] encoding emb sub uni object ID
    return { name: columns[0], embedded: columns.at(-5)!, subset: columns.at(-4)! };
  });
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('official documents', () => {
  let hall: VotingHall;
  let worker: INestApplicationContext;
  let delegate: TestUser;

  beforeAll(async () => {
    hall = await aVotingHall(3);
    worker = await createTestWorker(hall.api);
    delegate = hall.delegates[0];
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await hall?.api.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const binary = (path: string, user?: TestUser) => {
    const call = hall.api.http().get(path).buffer(true).parse(asBuffer);
    return user ? call.set(bearer(user)) : call;
  };

  /** The application's documents once the worker has made `count` of them. */
  async function documentsOf(application: { id: string }, user: TestUser, count: number): Promise<DocumentRow[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { body } = await hall.api.http().get(`/applications/${application.id}/documents`).set(bearer(user)).expect(200);
      if (body.length >= count || Date.now() > deadline) return body as DocumentRow[];
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function anApplicant(language: (typeof LANGUAGES)[number]) {
    const applicant = await aProspectiveApplicant(hall.api, language.country);
    await hall.api.dataSource.query(`UPDATE governments SET name_local = $2 WHERE id = $1`, [applicant.governmentId, language.nameLocal]);
    const [government] = await hall.api.dataSource.query(`SELECT name_en FROM governments WHERE id = $1`, [applicant.governmentId]);
    return { applicant, nameEn: government.name_en as string };
  }

  /** Filed, reviewed, voted on by name in an opened General Assembly (every member present) and closed. */
  async function aDecision(applicant: TestUser, locale: string, choices: ('yes' | 'no' | 'abstain')[]) {
    const session = await aSession(hall.api, hall.secretariat, undefined, { ballotSecrecy: 'named' });
    await hall.api.http().post(`/assemblies/${session.id}/open`).set(bearer(hall.secretariat)).expect(200);
    const { application } = await anApplicationOnTheAgenda(hall.api, hall.secretariat, session, { applicant, filing: { locale } });
    await recordPresent(hall.api, hall.secretariat, session.id, hall.memberIds).expect(200);
    await act(hall.api, hall.secretariat, application, 'open-ballot').expect(200);
    for (const [index, choice] of choices.entries()) {
      await hall.api.http().put(`/applications/${application.id}/ballot`).set(bearer(hall.delegates[index])).send({ choice }).expect(200);
    }
    await act(hall.api, hall.secretariat, application, 'close-ballot').expect(200);
    return { application, session };
  }

  it.each(LANGUAGES)(
    'acknowledges a filing in English and in $locale, with the reference, the names and the date, fonts embedded',
    async (language) => {
      const { applicant, nameEn } = await anApplicant(language);
      const application = await fileApplication(hall.api, applicant, { locale: language.locale });
      const expected = language.locale === 'en' ? ['en'] : ['en', language.locale];
      const documents = await documentsOf(application, applicant, expected.length);
      expect(documents.map((document) => [document.kind, document.language]).sort()).toEqual(
        expected.map((locale) => ['acknowledgement', locale]),
      );
      const filedOn = (locale: string) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(application.submittedAt as string));

      for (const document of documents) {
        const first = await binary(`/documents/${document.id}`, applicant).expect(200).expect('Content-Type', 'application/pdf');
        const second = await binary(`/documents/${document.id}`, hall.secretariat).expect(200);
        expect(Buffer.compare(first.body, second.body)).toBe(0);
        expect(sha256(first.body)).toBe(document.sha256);
        expect(first.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`);

        const text = pdfText(first.body);
        expect(text).toContain(application.reference);
        expect(text).toContain(nameEn);
        expect(text).toContain(language.nameLocal);
        // Each in its own language: its title and its date as that language writes them.
        expect(text).toContain(filedOn(document.language));
        expect(text).toContain(titleIn(document.language, 'acknowledgement.title'));
        const fonts = pdfFonts(first.body);
        expect(fonts.length).toBeGreaterThan(0);
        expect(fonts.filter((font) => font.embedded !== 'yes' || font.subset !== 'yes')).toEqual([]);
      }

      // The SHA-256 of each is in the audit trail, in the entry the worker wrote when it stored it.
      const audited: { payload: string }[] = await hall.api.dataSource.query(
        `SELECT payload FROM audit_events WHERE action = 'document.issued' AND payload::jsonb ->> 'applicationId' = $1`,
        [application.id],
      );
      expect(audited.map((entry) => JSON.parse(entry.payload).sha256).sort()).toEqual(documents.map((document) => document.sha256).sort());
    },
  );

  it.each(LANGUAGES.filter((language) => language.locale !== 'en'))(
    'records a named decision in $locale: the rule, the roll, the tally, each choice and the checkpoint, and certifies the admission',
    async (language) => {
      const { applicant, nameEn } = await anApplicant(language);
      const { application } = await aDecision(applicant, language.locale, ['yes', 'yes', 'abstain']);
      // Two acknowledgements, two decision records and the certificate.
      const documents = await documentsOf(application, applicant, 5);
      const byKind = (kind: string, locale: string) =>
        documents.find((document) => document.kind === kind && document.language === locale)!;
      const record = (await binary(`/documents/${byKind('decision-record', language.locale).id}`, delegate).expect(200)).body as Buffer;
      const text = pdfText(record);
      expect(text).toContain(titleIn(language.locale, 'decision.title'));
      const count = (n: number) => new Intl.NumberFormat(language.locale).format(n);
      const voters = hall.memberIds.length;
      expect(text).toContain(application.reference);
      expect(text).toContain(language.nameLocal);
      expect(text).toContain(count(voters));
      // Each government of the roll, by name; the three that voted with their choice on their line.
      const [first] = await hall.api.dataSource.query(`SELECT name_en FROM governments WHERE id = $1`, [hall.delegates[0].governmentId]);
      expect(text).toMatch(new RegExp(`${first.name_en}.*\\n?.*`));
      const result = (await hall.api.http().get(`/applications/${application.id}/result`).set(bearer(delegate)).expect(200)).body;
      expect(result.tally).toMatchObject({ yes: 2, no: 0, abstain: 1 });
      expect(result.outcome).toBe('approved');
      // The signed checkpoint, verbatim, and the decision's leaf index.
      const checkpointOrigin = result.checkpoint.split('\n')[0];
      expect(text).toContain(checkpointOrigin);
      expect(text).toContain(String(result.leafIndex));
      const closedOn = new Intl.DateTimeFormat(language.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(result.closedAt));
      expect(text).toContain(closedOn);

      const english = pdfText((await binary(`/documents/${byKind('decision-record', 'en').id}`, hall.secretariat).expect(200)).body);
      expect(english).toContain('2 in favour, 0 against, 1 abstaining');
      expect(english).toContain('Approved');
      expect(english).toContain(nameEn);

      const certificate = (await binary(`/documents/${byKind('certificate', language.locale).id}`, applicant).expect(200)).body as Buffer;
      const certified = pdfText(certificate);
      expect(certified).toContain('Certificate of admission');
      expect(certified).toContain(titleIn(language.locale, 'certificate.title'));
      expect(certified).toContain(nameEn);
      expect(certified).toContain(language.nameLocal);
      expect(certified).toContain(application.reference);
      expect(certified).toContain(`/verify/${application.reference}`);
      expect(pdfFonts(certificate).filter((font) => font.embedded !== 'yes')).toEqual([]);
    },
  );

  it('shows anyone the decision, each document’s SHA-256 and the inclusion proof of the decision, without signing in', async () => {
    const { applicant } = await anApplicant(LANGUAGES[0]);
    const { application } = await aDecision(applicant, 'ko', ['no', 'no']);
    const documents = await documentsOf(application, applicant, 4);
    const { body } = await hall.api.http().get(`/public/decisions/${application.reference.toLowerCase()}`).expect(200);
    expect(body).toMatchObject({ reference: application.reference, outcome: 'rejected', body: 'general_assembly', category: 'member' });
    expect(JSON.stringify(body)).not.toMatch(/@|applicant|delegate|Test /);
    expect(body.documents.map((document: DocumentRow) => document.sha256).sort()).toEqual(
      documents.map((document) => document.sha256).sort(),
    );
    for (const document of documents) {
      const pdf = (await binary(`/documents/${document.id}`, applicant).expect(200)).body as Buffer;
      expect(body.documents.map((listed: DocumentRow) => listed.sha256)).toContain(sha256(pdf));
    }
    // The checkpoint is signed by the log's key, and the decision's leaf is in its tree.
    const key = (await hall.api.http().get('/log/key').expect(200)).text;
    const checkpoint = readCheckpoint(openSignedNote(body.log.checkpoint, key));
    expect(checkpoint.size).toBe(body.log.treeSize);
    const proof = body.log.proof.map((hash: string) => Buffer.from(hash, 'base64'));
    expect(verifyInclusion(body.log.leafIndex, body.log.treeSize, Buffer.from(body.log.leafHash, 'base64'), proof, checkpoint.root)).toBe(
      true,
    );
    const [entry] = (
      await hall.api
        .http()
        .get(`/log/entries?start=${body.log.leafIndex}&end=${body.log.leafIndex + 1}`)
        .set(bearer(hall.secretariat))
        .expect(200)
    ).text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const data = Buffer.from(entry.data, 'base64');
    expect(hashLeaf(data).toString('base64')).toBe(body.log.leafHash);
    expect(JSON.parse(data.toString('utf8'))).toMatchObject({ action: 'application.close-ballot', entityId: application.id });

    await hall.api
      .http()
      .get('/public/decisions/NEAR-1999-0001')
      .expect(404)
      .expect('Content-Type', /problem\+json/);
    await hall.api
      .http()
      .get('/public/decisions/not-a-reference')
      .expect(400)
      .expect('Content-Type', /problem\+json/);
  });

  it('makes the minutes of a closed session, in English at once and in another language when asked', async () => {
    const { applicant, nameEn } = await anApplicant(LANGUAGES[3]);
    const { application, session } = await aDecision(applicant, 'ru', ['yes']);
    await hall.api.http().get(`/assemblies/${session.id}/minutes`).set(bearer(delegate)).expect(409);
    await hall.api.http().post(`/assemblies/${session.id}/close`).set(bearer(hall.secretariat)).expect(200);
    await hall.api.http().get(`/assemblies/${session.id}/minutes?language=xx`).set(bearer(delegate)).expect(400);

    const english = await binary(`/assemblies/${session.id}/minutes`, delegate).expect(200).expect('Content-Type', 'application/pdf');
    const text = pdfText(english.body);
    expect(text).toContain('Minutes');
    expect(text).toContain(application.reference);
    expect(text).toContain(nameEn);
    expect(text).toContain('Approved: 1 in favour, 0 against');
    const russian = await binary(`/assemblies/${session.id}/minutes?language=ru`, delegate).expect(200);
    expect(pdfText(russian.body)).toContain('Приморский край');
    expect(pdfText(russian.body)).toContain(titleIn('ru', 'minutes.title'));
    const again = await binary(`/assemblies/${session.id}/minutes?language=ru`, hall.secretariat).expect(200);
    expect(Buffer.compare(russian.body, again.body)).toBe(0);
  });

  it('shows an application’s documents to those who may see the application, and to no one else', async () => {
    const { applicant } = await anApplicant(LANGUAGES[2]);
    const application: ApplicationBody = await fileApplication(hall.api, applicant, { locale: 'zh' });
    const [document] = await documentsOf(application, applicant, 2);
    const stranger = await aUser(hall.api, 'applicant', { governmentId: (await aProspectiveApplicant(hall.api)).governmentId });
    await hall.api.http().get(`/applications/${application.id}/documents`).set(bearer(stranger)).expect(404);
    await binary(`/documents/${document.id}`, stranger).expect(404);
    await binary(`/documents/${document.id}`).expect(401);
    await binary(`/documents/${document.id}`, hall.secretariat).expect(200);
    // The audit trail of the application, by its reference, holds the making of its documents, and not another's.
    const other = await documentsOf(
      await fileApplication(hall.api, (await anApplicant(LANGUAGES[5])).applicant, { locale: 'en' }),
      hall.secretariat,
      1,
    );
    const trail = await hall.api.http().get(`/audit-events?reference=${application.reference}`).set(bearer(hall.secretariat)).expect(200);
    const entries = trail.body.items as { action: string; entityType: string; entityId: string }[];
    expect(
      entries
        .filter((entry) => entry.entityType === 'document')
        .map((entry) => [entry.action, entry.entityId])
        .sort(),
    ).toEqual((await documentsOf(application, applicant, 2)).map((made) => ['document.issued', made.id]).sort());
    expect(entries.map((entry) => entry.entityId)).not.toContain(other[0].id);
    expect(entries.filter((entry) => entry.entityType === 'application').map((entry) => entry.action)).toContain('application.submitted');
    expect(new Set(entries.filter((entry) => entry.entityType !== 'document').map((entry) => entry.entityId))).toEqual(
      new Set([application.id]),
    );
    // A delegate sees an application once it is on an agenda, and its documents with it.
    await binary(`/documents/${document.id}`, delegate).expect(404);
    // Kept as made: the database refuses to change a document.
    await expect(hall.api.dataSource.query(`UPDATE documents SET content = '\\x00' WHERE id = $1`, [document.id])).rejects.toThrow(
      /kept as issued/,
    );
  });
});
