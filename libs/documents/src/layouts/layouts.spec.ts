import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import QRCode from 'qrcode';
import { SUPPORTED_LOCALES, type Locale } from '@near/common';
import type { DecisionFacts, MinutesFacts, RollEntry } from '../document-facts.repository.js';
import { wordsFor } from '../document-words.js';
import { acknowledgement } from './acknowledgement.js';
import { certificate } from './certificate.js';
import { decisionRecord } from './decision-record.js';
import type { LayoutContext } from './formats.js';
import { minutes } from './minutes.js';

/*
 * Each layout in each language, read back with poppler (pdftotext, pdffonts): what a reader finds in it, and
 * that every font it uses travels with it. The e2e suite (test/documents.e2e-spec.ts) covers how documents
 * are made, kept and served.
 */

const folder = mkdtempSync(join(tmpdir(), 'near-layouts-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let files = 0;
function poppler(tool: 'pdftotext' | 'pdffonts', pdf: Buffer): string {
  const file = join(folder, `${++files}.pdf`);
  writeFileSync(file, pdf);
  const output = execFileSync(tool, tool === 'pdftotext' ? ['-enc', 'UTF-8', file, '-'] : [file], { encoding: 'utf8' });
  // A title or a sentence may wrap anywhere: compare words, not lines.
  return tool === 'pdftotext' ? output.replace(/\s+/g, ' ') : output;
}

/** pdffonts' rows: every font must be embedded (emb) and subset (sub). */
function fontsNotEmbedded(pdf: Buffer): string[] {
  return poppler('pdffonts', pdf)
    .trim()
    .split('\n')
    .slice(2)
    .filter((line) => !/\byes\s+yes\s+yes\b/.test(line));
}

const context = (locale: Locale): LayoutContext => ({
  locale,
  words: wordsFor(locale),
  verifyUrl: 'https://near.example/verify/NEAR-2026-0042',
});

const GOVERNMENTS: RollEntry[] = [
  { nameEn: 'Busan', nameLocal: '부산광역시', country: 'KR', presentAtOpening: true, choice: 'yes' },
  { nameEn: 'Niigata', nameLocal: '新潟県', country: 'JP', presentAtOpening: true, choice: 'no' },
  { nameEn: 'Heilongjiang', nameLocal: '黑龙江省', country: 'CN', presentAtOpening: false, choice: null },
  { nameEn: 'Primorsky Krai', nameLocal: 'Приморский край', country: 'RU', presentAtOpening: true, choice: 'abstain' },
  { nameEn: 'Ömnögovi', nameLocal: 'Өмнөговь аймаг', country: 'MN', presentAtOpening: true, choice: 'yes' },
];
/** A roll of 75, as NEAR's: the five above and 70 more. */
const ROLL: RollEntry[] = [
  ...GOVERNMENTS,
  ...Array.from({ length: 70 }, (_, index) => ({ ...GOVERNMENTS[index % 5], nameEn: `Member ${index + 6}`, choice: 'yes' })),
];

const APPLICANT = { nameEn: 'Gangwon', nameLocal: '강원특별자치도', country: 'KR' };
const DECISION: DecisionFacts = {
  voteId: '00000000-0000-4000-8000-000000000001',
  application: {
    id: '00000000-0000-4000-8000-000000000002',
    reference: 'NEAR-2026-0042',
    category: 'member',
    locale: 'ko',
    submittedAt: new Date('2026-03-02T01:00:00Z'),
    government: APPLICANT,
    timeZone: 'Asia/Seoul',
  },
  session: {
    id: '00000000-0000-4000-8000-000000000003',
    body: 'general_assembly',
    number: 17,
    startsOn: '2026-09-15',
    endsOn: '2026-09-17',
    venue: 'Pohang',
    deadline: null,
    closedAt: null,
    status: 'in_session',
    timeZone: 'Asia/Seoul',
  },
  quorum: 'more_than_half_present',
  majority: 'two_thirds_cast',
  ballotSecrecy: 'named',
  openedAt: new Date('2026-09-16T02:00:00Z'),
  closedAt: new Date('2026-09-16T03:30:00Z'),
  outcome: 'approved',
  tally: { voters: 75, present: 74, yes: 72, no: 1, abstain: 1 },
  roll: ROLL,
};
const INCLUSION = {
  leafIndex: 123456,
  checkpoint: 'near.example/log\n123460\nqTQsXxK/1w6w7J4G1qK4KtI3vBx6t6V5z6W+X1J0Y2s=\n\n— near.example/log AbCdEf==\n',
};

const long = (locale: Locale, date: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);

describe('document layouts', () => {
  it.each(SUPPORTED_LOCALES)('writes an acknowledgement in %s with the reference, both names and the date', async (locale) => {
    const pdf = await acknowledgement(context(locale), DECISION.application);
    const text = poppler('pdftotext', pdf);
    expect(text).toContain('NEAR-2026-0042');
    expect(text).toContain('Gangwon');
    expect(text).toContain('강원특별자치도');
    expect(text).toContain(long(locale, DECISION.application.submittedAt));
    expect(text).toContain(wordsFor(locale)('acknowledgement.title'));
    expect(fontsNotEmbedded(pdf)).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES)(
    'writes a decision record in %s: rule, roll of 75, tally, each choice, outcome, checkpoint',
    async (locale) => {
      const pdf = await decisionRecord(context(locale), DECISION, INCLUSION);
      const text = poppler('pdftotext', pdf);
      const words = wordsFor(locale);
      const count = (n: number) => new Intl.NumberFormat(locale).format(n);
      expect(text).toContain('NEAR-2026-0042');
      expect(text).toContain(words('quorum.more_than_half_present'));
      expect(text).toContain(words('majority.two_thirds_cast'));
      expect(text).toContain(words('decision.roll', { count: count(75) }));
      expect(text).toContain(words('decision.tally', { yes: count(72), no: count(1), abstain: count(1) }));
      expect(text).toContain(words('outcome.approved'));
      for (const government of GOVERNMENTS) expect(text).toContain(government.nameLocal);
      expect(text).toContain('Member 75');
      expect(text).toContain('near.example/log');
      expect(text).toContain('123460');
      expect(text).toContain(words('decision.logEntry', { leafIndex: 123456 }).slice(0, 12));
      expect(text).toContain(long(locale, DECISION.closedAt));
      expect(fontsNotEmbedded(pdf)).toEqual([]);
    },
  );

  it('ranks a session in English as English writes it', async () => {
    const text = poppler('pdftotext', await decisionRecord(context('en'), DECISION, INCLUSION));
    expect(text).toContain('17th General Assembly');
    const twelfth = { ...DECISION, session: { ...DECISION.session, number: 12 } };
    expect(poppler('pdftotext', await decisionRecord(context('en'), twelfth, INCLUSION))).toContain('12th General Assembly');
  });

  it.each(SUPPORTED_LOCALES.filter((locale) => locale !== 'en'))(
    'says in %s who was present at a meeting, in its own words, and names the session as the e-mails do',
    async (locale) => {
      const words = wordsFor(locale);
      const text = poppler('pdftotext', await decisionRecord(context(locale), DECISION, INCLUSION));
      expect(text).toContain(words('sessionName.general_assembly', { number: 17 }));
      expect(text).toContain(words('decision.presentColumn'));
      expect(text).toContain(`${GOVERNMENTS[0].nameLocal} ${words('present.yes')} ${words('choice.yes')}`);
      expect(text).toContain(`${GOVERNMENTS[2].nameLocal} ${words('present.no')} ${words('choice.none')}`);
    },
  );

  it.each(SUPPORTED_LOCALES)('records a written procedure in %s with no attendance, which it does not take', async (locale) => {
    const words = wordsFor(locale);
    const procedure: DecisionFacts = {
      ...DECISION,
      session: { ...DECISION.session, body: 'written_procedure', number: 3, startsOn: null, endsOn: null, venue: null },
      quorum: 'more_than_half_answered',
      roll: ROLL.map((entry) => ({ ...entry, presentAtOpening: false })),
    };
    const text = poppler('pdftotext', await decisionRecord(context(locale), procedure, INCLUSION));
    expect(text).toContain(locale === 'en' ? '3rd written procedure' : words('sessionName.written_procedure', { number: 3 }));
    expect(text).not.toContain(words('decision.present', { count: '0' }));
    expect(text).toContain(`${words('government')} ${words('decision.choiceColumn')} `);
    expect(text).toContain(`${GOVERNMENTS[1].nameLocal} ${words('choice.no')}`);
  });

  it.each(SUPPORTED_LOCALES)('certifies an admission in English and %s side by side, with a QR code', async (locale) => {
    const qr = await QRCode.toBuffer('https://near.example/verify/NEAR-2026-0042', { type: 'png', width: 200 });
    const pdf = await certificate(context(locale), { ...DECISION, application: { ...DECISION.application, locale } }, qr);
    const text = poppler('pdftotext', pdf);
    expect(text).toContain('Certificate of admission');
    expect(text).toContain(wordsFor(locale)('certificate.title'));
    expect(text).toContain('Gangwon');
    expect(text).toContain('강원특별자치도');
    expect(text).toContain('NEAR-2026-0042');
    expect(text).toContain(long('en', DECISION.closedAt));
    expect(text).toContain(long(locale, DECISION.closedAt));
    expect(text).toContain('https://near.example/verify/NEAR-2026-0042');
    expect(fontsNotEmbedded(pdf)).toEqual([]);
  });

  it('dates an admission and a filing by the day where they happened, or by the day in UTC, said so', async () => {
    const qr = await QRCode.toBuffer('https://near.example/verify/NEAR-2026-0042', { type: 'png', width: 200 });
    // 08:35 on 17 September in Pohang, the session's host; still the 16th in UTC.
    const lateInUtc = { ...DECISION, closedAt: new Date('2026-09-16T23:35:00Z') };
    const inPohang = poppler('pdftotext', await certificate(context('en'), lateInUtc, qr));
    expect(inPohang).toContain('on September 17, 2026.');
    expect(inPohang).not.toContain('September 16');
    const noHost = { ...lateInUtc, session: { ...lateInUtc.session, body: 'written_procedure', timeZone: null } };
    expect(poppler('pdftotext', await certificate(context('en'), noHost, qr))).toContain('on September 16, 2026 (UTC).');

    const filedLate = { ...DECISION.application, submittedAt: new Date('2026-03-01T20:00:00Z') };
    expect(poppler('pdftotext', await acknowledgement(context('en'), filedLate))).toContain('March 2, 2026');
    expect(poppler('pdftotext', await acknowledgement(context('en'), { ...filedLate, timeZone: null }))).toContain('March 1, 2026 (UTC)');
  });

  it.each(SUPPORTED_LOCALES)('writes the minutes of a session in %s with every decision taken in it', async (locale) => {
    const facts: MinutesFacts = {
      session: { ...DECISION.session, status: 'closed', closedAt: new Date('2026-09-17T08:00:00Z') },
      present: 74,
      decisions: [
        { application: DECISION.application, outcome: 'approved', tally: DECISION.tally, closedAt: DECISION.closedAt },
        {
          application: { ...DECISION.application, reference: 'NEAR-2026-0043', government: GOVERNMENTS[3] },
          outcome: 'rejected',
          tally: { voters: 75, present: 74, yes: 10, no: 60, abstain: 4 },
          closedAt: DECISION.closedAt,
        },
      ],
    };
    const pdf = await minutes(context(locale), facts);
    const text = poppler('pdftotext', pdf);
    const words = wordsFor(locale);
    expect(text).toContain('NEAR-2026-0042');
    expect(text).toContain('NEAR-2026-0043');
    expect(text).toContain('Приморский край');
    expect(text).toContain(words('outcome.rejected'));
    expect(text).toContain(long(locale, new Date('2026-09-15T00:00:00Z')));
    expect(fontsNotEmbedded(pdf)).toEqual([]);
  });
});
