import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StartupError } from '@near/common';
import { NOTIFICATION_EVENTS, type NotificationData } from './notification-events.js';
import { TemplateCatalog } from './template-catalog.js';

const REFERENCE = 'NEAR-2026-0007';
const common = { reference: REFERENCE, governmentName: 'Qinghai Province' };
const SAMPLE: NotificationData = {
  'submission-acknowledged': { ...common, category: 'member' },
  'submission-received': { ...common, category: 'member' },
  'information-requested': { ...common, message: 'Please send the signed letter of the governor.' },
  'response-received': { ...common, message: 'The letter is attached.' },
  'declared-eligible': common,
  'declared-ineligible': { ...common, reasons: 'Not a regional government.' },
  'placed-on-agenda': { ...common, sessionName: '16th General Assembly', sessionWhen: '2026-09-15, Pohang' },
  'ballot-opened': { ...common, sessionName: '16th General Assembly' },
  'ballot-closed': { ...common, sessionName: '16th General Assembly', outcome: 'approved' },
  decision: { ...common, sessionName: '16th General Assembly', outcome: 'approved', explanation: '12 yes, 1 no, 2 abstentions.' },
  deferred: { ...common, reason: 'Quorum not reached.' },
  withdrawn: { ...common, reason: 'Withdrawn by the governor.' },
};

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

  it('loads the templates folder of the lib, English and Korean at least', () => {
    expect(catalog.locales).toEqual(expect.arrayContaining(['en', 'ko']));
  });

  it.each(['en', 'ko'])('renders every event in %s, the reference in the subject and no placeholder left', (locale) => {
    for (const event of NOTIFICATION_EVENTS) {
      const message = catalog.render(event, locale, SAMPLE[event]);
      expect(message.locale).toBe(locale);
      expect(message.subject).toContain(`[${REFERENCE}]`);
      for (const part of [message.subject, message.text, message.html]) expect(part).not.toMatch(/\{\{|\}\}/);
      expect(message.text).toContain(REFERENCE);
      expect(message.html).toContain(`<html lang="${locale}">`);
      for (const [field, value] of Object.entries(SAMPLE[event]) as [string, string][]) {
        const shown = wordsOf(locale)[field]?.[value] ?? value;
        expect(message.text).toContain(shown);
        expect(message.html).toContain(shown);
      }
    }
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
    expect(catalog.render('submission-acknowledged', 'en', SAMPLE['submission-acknowledged']).text).toContain('member');
    const unknown = catalog.render('submission-acknowledged', 'ko', { ...SAMPLE['submission-acknowledged'], category: 'observer' });
    expect(unknown.text).toContain('신청 구분: observer');
  });

  it('words a session and a decision in Korean from their facts, and keeps the English text where Korean has no words', () => {
    const session = { body: 'general_assembly', number: 16, startsOn: '2026-09-15', endsOn: '2026-09-17', venue: 'Pohang', deadline: null };
    const agenda = catalog.render('placed-on-agenda', 'ko', { ...SAMPLE['placed-on-agenda'], session });
    expect(agenda.subject).toBe(`[${REFERENCE}] 가입 신청 안건 상정 안내: 제16차 총회`);
    expect(agenda.text).toContain('일정: 2026-09-15 ~ 2026-09-17, Pohang');
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
      '회의: 제3차 서면 의결\n일정: 2026-10-01 09:00(UTC)까지',
    );

    const decision = {
      voters: 70,
      abstain: 2,
      quorum: { rule: 'more_than_half_present', met: true, required: 36, actual: 40 },
      majority: { rule: 'more_than_half_cast', met: true, required: 20, yes: 30, base: 38 },
    };
    const decided = catalog.render('decision', 'ko', { ...SAMPLE.decision, session, decision });
    expect(decided.text).toContain(
      '의사정족수 충족: 의결권 보유 회원 70곳 중 40곳 출석(과반수, 36곳 필요). 승인: 투표 38표 중 찬성 30표(투표수의 과반수, 20표 필요), 기권 2표.',
    );
    expect(decided.text).not.toContain(SAMPLE.decision.explanation);
    const noQuorum = { ...decision, quorum: { ...decision.quorum, met: false, actual: 30 } };
    expect(catalog.render('decision', 'ko', { ...SAMPLE.decision, decision: noQuorum }).text).toContain(
      '의사정족수 미달: 의결권 보유 회원 70곳 중 30곳 출석(과반수, 36곳 필요). 의결할 수 없어 부결되었습니다.',
    );

    // English keeps the text written where the change happened; a rule Korean has no words for, and a row
    // written before the facts existed, keep it too.
    expect(catalog.render('decision', 'en', { ...SAMPLE.decision, session, decision }).text).toContain(SAMPLE.decision.explanation);
    const newRule = { ...decision, majority: { ...decision.majority, rule: 'three_quarters_cast' } };
    expect(catalog.render('decision', 'ko', { ...SAMPLE.decision, decision: newRule }).text).toContain(SAMPLE.decision.explanation);
    expect(catalog.render('ballot-opened', 'ko', SAMPLE['ballot-opened']).text).toContain('16th General Assembly');
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
