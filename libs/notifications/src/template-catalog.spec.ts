import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StartupError, SUPPORTED_LOCALES } from '@near/common';
import { NOTIFICATION_EVENTS, type NotificationData, type SessionFacts } from './notification-events.js';
import { TemplateCatalog } from './template-catalog.js';

const REFERENCE = 'NEAR-2026-0007';
const common = { reference: REFERENCE, governmentName: 'Qinghai Province' };
const SAMPLE: NotificationData = {
  'submission-acknowledged': { ...common, category: 'member' },
  'submission-received': { ...common, category: 'member' },
  'information-requested': { ...common, message: 'Please send the signed letter of the governor.' },
  'information-reminder': { ...common, message: 'Please send the signed letter of the governor.', requestedOn: '6 December 2026' },
  'response-received': { ...common, message: 'The letter is attached.' },
  'declared-eligible': common,
  'declared-ineligible': { ...common, reasons: 'Not a regional government.' },
  'placed-on-agenda': { ...common, sessionName: '16th General Assembly', sessionWhen: '2026-09-15, Pohang' },
  'ballot-opened': { ...common, sessionName: '16th General Assembly' },
  'ballot-closed': { ...common, sessionName: '16th General Assembly', outcome: 'approved' },
  decision: {
    ...common,
    sessionName: '16th General Assembly',
    outcome: 'approved',
    explanation: '12 yes, 1 no, 2 abstentions.',
    thanks: 'voted',
  },
  deferred: { ...common, reason: 'Quorum not reached.' },
  withdrawn: { ...common, reason: 'Withdrawn by the governor.' },
  'vote-reminder': {
    sessionName: '7th written procedure',
    sessionWhen: 'until 15 September 2026, 12:00 UTC',
    applications: `${REFERENCE}: Qinghai Province`,
  },
  'meeting-reminder': {
    sessionName: '16th General Assembly',
    sessionWhen: '15 September 2026 – 17 September 2026, Pohang',
    agenda: `${REFERENCE}: Qinghai Province`,
  },
  invitation: { name: 'Hanako Sato', link: 'https://near.example/app/invitation/2f1c.secret-part' },
  'password-reset': { name: 'Hanako Sato', link: 'https://near.example/app/password-reset/2f1c.secret-part' },
  unlock: { name: 'Hanako Sato', link: 'https://near.example/app/unlock/2f1c.secret-part' },
  'password-changed': { name: 'Hanako Sato' },
  'second-factor-added': { name: 'Kim Minji' },
  'second-factor-removed': { name: 'Kim Minji' },
};

/** The e-mails about a user's own account, which name no application. */

const english = JSON.parse(readFileSync(new URL('../templates/en.json', import.meta.url), 'utf8')) as Record<
  string,
  Record<string, string>
>;
/** The words a locale file of the lib gives coded values (its "$words"). */
const wordsOf = (locale: string) =>
  (
    JSON.parse(readFileSync(new URL(`../templates/${locale}.json`, import.meta.url), 'utf8')) as {
      $words?: Record<string, Record<string, string>>;
    }
  ).$words ?? {};
const folders: string[] = [];
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A templates folder of the test's own, holding exactly these files. */
function folderWith(files: Record<string, unknown>): string {
  const folder = mkdtempSync(join(tmpdir(), 'near-templates-'));
  folders.push(folder);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), JSON.stringify(content));
  return folder;
}

afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

describe('TemplateCatalog', () => {
  const catalog = TemplateCatalog.load();

  it('loads the templates folder of the lib, one file for each of the six languages', () => {
    expect([...catalog.locales].sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  it.each([...SUPPORTED_LOCALES])('renders every event in %s, the reference in the subject and no placeholder left', (locale) => {
    for (const event of NOTIFICATION_EVENTS) {
      const message = catalog.render(event, locale, SAMPLE[event]);
      expect(message.locale).toBe(locale);
      // A session's reminder names the session; one about the recipient's own account (an invitation, a
      // password, a second factor) names nothing; every other message is about one application.
      const sample = SAMPLE[event] as Record<string, unknown>;
      const about = 'reference' in sample ? `[${REFERENCE}]` : 'sessionName' in sample ? String(sample.sessionName) : '';
      expect(message.subject).toContain(about);
      for (const part of [message.subject, message.text, message.html]) expect(part).not.toMatch(/\{\{|\}\}/);
      expect(message.text).toContain(about.replace(/^\[|\]$/g, ''));
      expect(message.html).toContain(`<html lang="${locale}">`);
      for (const [field, value] of Object.entries(SAMPLE[event]) as [string, string][]) {
        const shown = wordsOf(locale)[field]?.[value] ?? value;
        expect(message.text).toContain(shown);
        expect(message.html).toContain(shown);
      }
    }
  });

  it('puts the link of an invitation, a reset or an unlock in the text and as the target of an HTML link, in every language', () => {
    for (const locale of SUPPORTED_LOCALES) {
      for (const event of ['invitation', 'password-reset', 'unlock'] as const) {
        const message = catalog.render(event, locale, SAMPLE[event]);
        expect(message.text).toContain(`\n${SAMPLE[event].link}\n`);
        expect(message.html).toContain(`<a href="${SAMPLE[event].link}"`);
      }
    }
  });

  describe('addressed to a recipient by name, with a link to the page the message is about', () => {
    const url = 'https://near.example/app/applications/5d0c3c1e-7a53-4a58-9a43-0d2f1c0b7e11';
    const NAMED: Record<string, string> = {
      en: 'Dear Wang Li,',
      ko: 'Wang Li 님께',
      zh: '尊敬的Wang Li：',
      ja: 'Wang Li 様',
      ru: 'Уважаемый(-ая) Wang Li!',
      mn: 'Эрхэм хүндэт Wang Li Танаа!',
    };
    const GENERIC = [
      'Dear Sir or Madam',
      'Dear colleagues',
      '담당자 귀하',
      '대표 귀하',
      '联系人',
      '代表：',
      'ご担当者様',
      '各位',
      'дамы и господа',
      'Уважаемые',
      'нар аа',
    ];

    it.each([...SUPPORTED_LOCALES])('opens every application and session message in %s with the name, never "Sir or Madam"', (locale) => {
      const unnamed = NOTIFICATION_EVENTS.filter((event) => !('name' in SAMPLE[event]));
      for (const event of unnamed) {
        const message = catalog.render(event, locale, SAMPLE[event], { addressee: 'Wang Li', page: { kind: 'application', url } });
        expect(message.text.split('\n')[0]).toBe(NAMED[locale]);
        expect(message.html).toContain(`</h1>\n<p>${NAMED[locale]}</p>`);
        for (const generic of GENERIC) expect(message.text.split('\n')[0]).not.toContain(generic);
      }
    });

    it.each([...SUPPORTED_LOCALES])('links the page in %s, after the letter and before the automatic footer', (locale) => {
      for (const event of NOTIFICATION_EVENTS) {
        const message = catalog.render(event, locale, SAMPLE[event], { page: { kind: 'application', url } });
        const [letter, footer] = message.text.split('\n-- \n');
        expect(letter).toContain(`\n${url}\n`);
        expect(footer).not.toContain(url);
        expect(message.html.indexOf(`<a href="${url}">`)).toBeGreaterThan(message.html.indexOf('</h1>'));
        expect(message.html.indexOf(`<a href="${url}">`)).toBeLessThan(message.html.indexOf('<hr'));
      }
    });

    it("keeps the template's own opening line where no name is known, and escapes a name in HTML", () => {
      expect(catalog.render('declared-eligible', 'en', common).text.split('\n')[0]).toBe('Dear Sir or Madam,');
      expect(catalog.render('declared-eligible', 'en', common, { addressee: '  ' }).text.split('\n')[0]).toBe('Dear Sir or Madam,');
      const html = catalog.render('declared-eligible', 'en', common, { addressee: 'Kim <Minji>' }).html;
      expect(html).toContain('<p>Dear Kim &lt;Minji&gt;,</p>');
    });
  });

  it("lists an answer's corrections and documents to the Secretariat in each language, and nothing when there are none", () => {
    const corrected = {
      headOfGovernment: 'Wu Xiaohui',
      contact: { name: 'Wang Li', email: 'wang.li@qinghai.example' },
      attachments: ['Resolution of the provincial council'],
    };
    const data = { ...SAMPLE['response-received'], corrections: 'English corrections', corrected };
    const heading: Record<string, string> = {
      en: 'English corrections',
      ko: '단체장: Wu Xiaohui',
      zh: '地方政府首长：Wu Xiaohui',
      ja: '首長：Wu Xiaohui',
      ru: 'Глава региона: Wu Xiaohui',
      mn: 'Орон нутгийн удирдагч: Wu Xiaohui',
    };
    for (const locale of SUPPORTED_LOCALES) {
      const message = catalog.render('response-received', locale, data);
      expect(message.text).toContain(heading[locale]);
      expect(message.html).toContain(escape(heading[locale]));
    }
    expect(catalog.render('response-received', 'ko', data).text).toContain('- Resolution of the provincial council');
    const plain = catalog.render('response-received', 'ko', { ...SAMPLE['response-received'], corrections: '', corrected: {} });
    expect(plain.text).not.toMatch(/\n\n\n/);
    expect(plain.html).not.toContain('<p></p>');
  });

  it('writes Korean in the formal style', () => {
    const message = catalog.render('submission-acknowledged', 'ko', SAMPLE['submission-acknowledged']);
    expect(message.subject).toBe(`[${REFERENCE}] 가입 신청이 접수되었습니다`);
    expect(message.text).toContain('접수되었음을 알려 드립니다');
  });

  it("puts coded values (category, outcome) in the message's language, and leaves a value without a word as it is", () => {
    const filed = catalog.render('submission-acknowledged', 'ko', SAMPLE['submission-acknowledged']);
    expect(filed.text).toContain('신청 구분: 정회원');
    expect(filed.html).toContain('<strong>정회원</strong>');
    const decided = catalog.render('decision', 'ko', { ...SAMPLE.decision, outcome: 'rejected' });
    expect(decided.text).toContain('결정: 부결');
    expect(catalog.render('decision', 'en', SAMPLE.decision).text).toContain('Decision: Approved');
    expect(catalog.render('submission-acknowledged', 'en', SAMPLE['submission-acknowledged']).text).toContain(
      'Category applied for: Member',
    );
    const unknown = catalog.render('submission-acknowledged', 'ko', { ...SAMPLE['submission-acknowledged'], category: 'observer' });
    expect(unknown.text).toContain('신청 구분: observer');
  });

  it('words a session and a decision in Korean from their facts, and keeps the English text where Korean has no words', () => {
    const session = { body: 'general_assembly', number: 16, startsOn: '2026-09-15', endsOn: '2026-09-17', venue: 'Pohang', deadline: null };
    const agenda = catalog.render('placed-on-agenda', 'ko', { ...SAMPLE['placed-on-agenda'], session });
    expect(agenda.subject).toBe(`[${REFERENCE}] 가입 신청 안건 상정 안내: 제16차 총회`);
    expect(agenda.text).toContain('일정: 2026. 9. 15.(화) ~ 2026. 9. 17.(목), Pohang');
    const written = {
      ...session,
      body: 'written_procedure',
      number: 3,
      startsOn: null,
      endsOn: null,
      venue: null,
      deadline: '2026-10-01T09:00:00.000Z',
    };
    expect(catalog.render('placed-on-agenda', 'ko', { ...SAMPLE['placed-on-agenda'], session: written }).text).toContain(
      '회의: 제3차 서면결의\n일정: 2026. 10. 1.(목) 18:00(한국 시간)까지',
    );

    const decision = {
      voters: 70,
      abstain: 2,
      quorum: { rule: 'more_than_half_present', met: true, required: 36, actual: 40 },
      majority: { rule: 'more_than_half_cast', met: true, required: 20, yes: 30, base: 38 },
    };
    const decided = catalog.render('decision', 'ko', { ...SAMPLE.decision, session, decision });
    expect(decided.text).toContain(
      '의사정족수 충족: 의결권 보유 회원 70개 단체 중 40개 단체 출석(과반수, 36개 단체 필요). 승인: 투표 38표 중 찬성 30표(투표수의 과반수, 20표 필요), 기권 2표.',
    );
    expect(decided.text).not.toContain(SAMPLE.decision.explanation);
    const noQuorum = { ...decision, quorum: { ...decision.quorum, met: false, actual: 30 } };
    // The applicant reads what happened, not advice meant for the Secretariat.
    const missed = catalog.render('decision', 'ko', { ...SAMPLE.decision, decision: noQuorum }).text;
    expect(missed).toContain(
      '의사정족수 미달: 의결권 보유 회원 70개 단체 중 30개 단체 출석(과반수, 36개 단체 필요). 의사정족수에 미달하여 의결이 성립하지 않았으므로 신청은 승인되지 않았습니다.',
    );
    expect(missed).not.toContain('연기');

    // English keeps the text written where the change happened; a rule Korean has no words for, and a row
    // written before the facts existed, keep it too.
    expect(catalog.render('decision', 'en', { ...SAMPLE.decision, session, decision }).text).toContain(SAMPLE.decision.explanation);
    const newRule = { ...decision, majority: { ...decision.majority, rule: 'three_quarters_cast' } };
    expect(catalog.render('decision', 'ko', { ...SAMPLE.decision, decision: newRule }).text).toContain(SAMPLE.decision.explanation);
    expect(catalog.render('ballot-opened', 'ko', SAMPLE['ballot-opened']).text).toContain('16th General Assembly');
  });

  describe('in the four languages beside English and Korean', () => {
    const session: SessionFacts = {
      body: 'general_assembly',
      number: 16,
      startsOn: '2026-09-15',
      endsOn: '2026-09-17',
      venue: 'Pohang',
      deadline: null,
    };
    const decision = {
      voters: 70,
      abstain: 2,
      quorum: { rule: 'more_than_half_present', met: true, required: 36, actual: 40 },
      majority: { rule: 'more_than_half_cast', met: true, required: 20, yes: 30, base: 38 },
    };
    const government = { nameEn: 'Qinghai Province', nameLocal: '青海省', country: 'CN' };
    /** Every event's sample with the facts each language words itself from. */
    const requestedAt = '2026-12-06T09:00:00.000Z';
    const facts = (event: (typeof NOTIFICATION_EVENTS)[number]) => ({ ...SAMPLE[event], government, session, decision, requestedAt });
    const values = (event: (typeof NOTIFICATION_EVENTS)[number]) => [
      ...Object.values(SAMPLE[event]).filter((value): value is string => typeof value === 'string'),
      government.nameEn,
      'Pohang',
    ];
    /** The English template's own sentences (its values taken out), as they read in the English message. */
    const englishSentences = (event: (typeof NOTIFICATION_EVENTS)[number]) =>
      catalog
        .render(event, 'en', facts(event))
        .text.split(/\n+|(?<=[.!?:])\s+/)
        .map((sentence) =>
          values(event)
            .reduce((rest, value) => rest.split(value).join(' '), sentence)
            .trim(),
        )
        .filter((sentence) => (sentence.match(/[A-Za-z]{2,}/g) ?? []).length >= 2);

    it.each(['ko', 'zh', 'ja', 'ru', 'mn'])('renders every event in %s with no English sentence left, proper names aside', (locale) => {
      for (const event of NOTIFICATION_EVENTS) {
        const message = catalog.render(event, locale, facts(event));
        expect(message.locale).toBe(locale);
        for (const part of [message.subject, message.text]) {
          const own = values(event).reduce((rest, value) => rest.split(value).join(' '), part);
          for (const sentence of englishSentences(event))
            expect({ event, part: own }).not.toEqual({ event, part: expect.stringContaining(sentence) });
          // Three Latin words in a row are English left behind (NEAR, a reference or a venue stand alone).
          expect({ event, leftover: own.match(/[A-Za-z]{2,}(?:[\s,]+[A-Za-z]{2,}){2,}/g) }).toEqual({ event, leftover: null });
        }
      }
    });

    it("says in the reader's language that a deferral's session was cancelled, where no reason was given", () => {
      const cancelledSession = { ...session, body: 'general_assembly', number: 16 };
      const deferred = (locale: string) =>
        catalog.render('deferred', locale, { ...common, reason: 'The 16th General Assembly was cancelled.', cancelledSession }).text;
      expect(deferred('en')).toContain('The 16th General Assembly was cancelled.');
      expect(deferred('ko')).toContain('제16차 총회가 취소되었습니다.');
      expect(deferred('ja')).toContain('第16回総会は中止となりました。');
      expect(deferred('zh')).toContain('第16次全体会议已取消。');
      expect(deferred('ru')).toContain('16-я Генеральная Ассамблея отменена.');
      expect(deferred('mn')).toContain('16-р Бүгд хурал цуцлагдсан.');
      for (const locale of ['ko', 'ja', 'zh', 'ru', 'mn']) expect(deferred(locale)).not.toContain('was cancelled');
    });

    it("words the date of a request for information in the reader's language", () => {
      const reminder = (locale: string) =>
        catalog.render('information-reminder', locale, { ...SAMPLE['information-reminder'], government, requestedAt }).text;
      expect(reminder('ko')).toContain('2026년 12월 6일');
      expect(reminder('ja')).toContain('2026年12月6日');
      expect(reminder('zh')).toContain('2026年12月6日');
      expect(reminder('ru')).toContain('6 декабря 2026');
      expect(reminder('en')).toContain('6 December 2026');
    });

    it("names the government in the reader's own language when it is the government's, else in English with its own name", () => {
      const name = (locale: string) => catalog.render('declared-eligible', locale, { ...common, government }).text;
      expect(name('zh')).toContain('尊敬的青海省联系人');
      expect(name('zh')).not.toContain('Qinghai');
      expect(name('ko')).toContain('Qinghai Province(青海省) 가입 신청 담당자 귀하');
      expect(name('ja')).toContain('Qinghai Province（青海省） ご担当者様');
      const irkutsk = { nameEn: 'Irkutsk Oblast', nameLocal: 'Иркутская область', country: 'RU' };
      expect(catalog.render('ballot-opened', 'ru', { ...SAMPLE['ballot-opened'], government: irkutsk }).text).toContain(
        '(заявитель: Иркутская область,',
      );
    });

    it('words dates for the reader: Intl in the language, a deadline in a known time zone or in UTC said as such', () => {
      const written = {
        ...session,
        body: 'written_procedure',
        number: 3,
        startsOn: null,
        endsOn: null,
        venue: null,
        deadline: '2026-10-01T09:00:00.000Z',
      };
      // Intl keeps no-break spaces where typography wants them (2026 г.); compared here as plain spaces.
      const when = (locale: string, facts: SessionFacts) =>
        catalog.render('placed-on-agenda', locale, { ...SAMPLE['placed-on-agenda'], session: facts }).text.replace(/[\u00a0\u202f]/g, ' ');
      expect(when('ja', session)).toContain('日程：2026年9月15日（火）～2026年9月17日（木）、Pohang');
      expect(when('ja', written)).toContain('会議：第3回書面決議\n日程：2026年10月1日（木） 18:00（日本時間）まで');
      expect(when('zh', session)).toContain('会议：第16次全体会议\n日期：2026年9月15日至2026年9月17日，Pohang');
      expect(when('zh', written)).toContain('截至2026年10月1日 17:00（北京时间）');
      expect(when('ru', session)).toContain('16-я Генеральная Ассамблея, 15–17 сентября 2026 г., Pohang');
      expect(when('ru', written)).toContain('до 1 октября 2026 г., 09:00 (UTC)');
      expect(when('mn', session)).toContain('Хуралдаан: 16-р Бүгд хурал\nОгноо: 2026 оны есдүгээр сарын 15–17, Pohang');
      expect(when('mn', written)).toContain('2026 оны аравдугаар сарын 1, 09:00 (UTC) хүртэл');
    });

    it('explains a decision in each language, and a missed quorum without advice meant for the Secretariat', () => {
      const explained = (locale: string, facts: typeof decision) =>
        catalog.render('decision', locale, { ...SAMPLE.decision, decision: facts }).text;
      expect(explained('ja', decision)).toContain('定足数充足：議決権を有する会員70団体のうち40団体が出席（過半数、36団体が必要）。');
      expect(explained('zh', decision)).toContain('批准：所投38票中赞成30票（所投票数的过半数，需20票），弃权2票。');
      expect(explained('ru', decision)).toContain(
        'Кворум имеется: число присутствующих — 40 из 70 членов с правом голоса (требуется более половины, не менее 36).',
      );
      expect(explained('mn', decision)).toContain('Баталсан: өгсөн 38 саналаас 30 нь дэмжсэн');
      const missed = { ...decision, quorum: { ...decision.quorum, met: false, actual: 21 } };
      expect(explained('ru', missed)).toContain('число присутствующих — 21 из 70 членов');
      for (const locale of ['zh', 'ja', 'ru', 'mn']) expect(explained(locale, missed)).not.toMatch(/延期|отлож|хойшл/);
    });
  });

  it('escapes what applicants wrote in the HTML and keeps it verbatim in the text', () => {
    const message = catalog.render('response-received', 'en', {
      ...common,
      governmentName: 'Evil & Co',
      message: '<script>alert("x")</script>\nSecond line',
    });
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>\nSecond line');
    expect(message.html).toContain('Evil &amp; Co');
    expect(message.text).toContain('<script>alert("x")</script>\nSecond line');
  });

  it('keeps a subject on one line whatever the values hold', () => {
    const message = catalog.render('withdrawn', 'en', { ...common, governmentName: 'Qinghai\r\nBcc: everyone@example.org', reason: 'x' });
    expect(message.subject).toBe(`[${REFERENCE}] Application withdrawn: Qinghai Bcc: everyone@example.org`);
  });

  it('picks the language from a tag such as ko-KR and falls back to English for a language without a file or none', () => {
    expect(catalog.render('declared-eligible', 'ko-KR', common).locale).toBe('ko');
    expect(catalog.render('declared-eligible', 'KO', common).locale).toBe('ko');
    expect(catalog.render('declared-eligible', 'xx', common).locale).toBe('en');
    expect(catalog.render('declared-eligible', null, common).locale).toBe('en');
  });

  it('falls back to English, event by event, for a language file that leaves an event out', () => {
    const partial = TemplateCatalog.load(
      folderWith({
        'en.json': english,
        'ja.json': {
          'declared-eligible': { subject: '[{{reference}}] 適格', text: '{{governmentName}} 様', html: '<p>{{governmentName}} 様</p>' },
        },
      }),
    );
    expect(partial.render('declared-eligible', 'ja', common)).toMatchObject({ locale: 'ja', subject: `[${REFERENCE}] 適格` });
    const fallback = partial.render('withdrawn', 'ja', SAMPLE.withdrawn);
    expect(fallback.locale).toBe('en');
    expect(fallback.subject).toBe(`[${REFERENCE}] Application withdrawn: Qinghai Province`);
  });

  describe('refuses to load', () => {
    const load = (files: Record<string, unknown>) => () => TemplateCatalog.load(folderWith(files));
    const withEnglish = (event: string, changes: Record<string, unknown>) => ({ ...english, [event]: { ...english[event], ...changes } });

    it('a placeholder the event has no data for, naming the file, event and placeholder', () => {
      const attempt = load({ 'en.json': withEnglish('decision', { text: 'Dear {{governmentName}}, {{password}}' }) });
      expect(attempt).toThrow(StartupError);
      expect(attempt).toThrow('en.json, "decision", text: unknown placeholder {{password}}');
    });

    it('a template without html', () => {
      const { html: _html, ...withoutHtml } = english.withdrawn;
      expect(load({ 'en.json': english, 'ko.json': { withdrawn: withoutHtml } })).toThrow('ko.json, "withdrawn": missing "html"');
    });

    it('a file whose name is not a supported locale', () => {
      expect(load({ 'en.json': english, 'fr.json': {} })).toThrow('fr.json: not a supported locale');
    });

    it('words for a field no event has, or words that are not text', () => {
      expect(load({ 'en.json': english, 'ko.json': { $words: { colour: { red: '빨강' } } } })).toThrow(
        'ko.json, "$words": unknown field "colour"',
      );
      expect(load({ 'en.json': english, 'ko.json': { $words: { outcome: { approved: 1 } } } })).toThrow(
        'ko.json, "$words", outcome: must map each value to a non-empty string',
      );
    });

    it('an event that does not exist', () => {
      expect(load({ 'en.json': english, 'ko.json': { approved: english.decision } })).toThrow('ko.json: unknown event "approved"');
    });

    it('an English file that leaves an event out, or no English file at all', () => {
      const { deferred: _deferred, ...incomplete } = english;
      expect(load({ 'en.json': incomplete })).toThrow('en.json: must cover every event, missing deferred');
      expect(load({ 'ko.json': {} })).toThrow('en.json: missing');
    });

    it('a subject without the reference, or over two lines', () => {
      expect(load({ 'en.json': withEnglish('deferred', { subject: 'Deferred' }) })).toThrow(
        '"deferred", subject: must carry {{reference}}',
      );
      expect(load({ 'en.json': withEnglish('deferred', { subject: '[{{reference}}]\nDeferred' }) })).toThrow('subject: must be one line');
    });

    it('an opening line with another placeholder than the data has, or {{salutation}} where the event has none', () => {
      expect(load({ 'en.json': withEnglish('deferred', { salutation: 'Dear {{contact}},' }) })).toThrow(
        '"deferred", salutation: unknown placeholder {{contact}}',
      );
      const { salutation: _salutation, ...unsaluted } = english.deferred;
      expect(load({ 'en.json': { ...english, deferred: unsaluted } })).toThrow('"deferred", text: unknown placeholder {{salutation}}');
    });

    it('a named opening line ("$salutation") without the name', () => {
      expect(load({ 'en.json': english, 'ko.json': { $salutation: '담당자 귀하' } })).toThrow(
        'ko.json, "$salutation": must be one line holding {{name}}',
      );
    });

    it('a malformed placeholder or a file that is not JSON', () => {
      expect(load({ 'en.json': withEnglish('deferred', { html: '<p>{{reference}</p>' }) })).toThrow(
        '"deferred", html: malformed placeholder',
      );
      const folder = folderWith({ 'en.json': english });
      writeFileSync(join(folder, 'ko.json'), '{ "deferred": ');
      expect(() => TemplateCatalog.load(folder)).toThrow('ko.json: not valid JSON');
    });
  });
});
