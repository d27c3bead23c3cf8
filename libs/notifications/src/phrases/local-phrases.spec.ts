import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { SUPPORTED_LOCALES } from '@near/common';
import { SESSION_BODIES, MAJORITY_RULES, QUORUM_RULES } from '@near/voting';
import { NOTIFICATION_EVENTS } from '../notification-events.js';
import { inLocalPhrases, LOCAL_PHRASES } from './local-phrases.js';

// Every language but English (whose sentences the data carries) must word every fact and every event:
// a body, rule, coded value or template a language lacks fails here, not in a member's inbox.
const LANGUAGES = SUPPORTED_LOCALES.filter((locale) => locale !== 'en');
const fileOf = (locale: string) =>
  JSON.parse(readFileSync(new URL(`../../templates/${locale}.json`, import.meta.url), 'utf8')) as Record<string, unknown> & {
    $words?: Record<string, Record<string, string>>;
  };

describe.each(LANGUAGES)('the %s language', (locale) => {
  const phrases = LOCAL_PHRASES[locale]!;

  it('has a template for every event and words for every category and outcome', () => {
    const file = fileOf(locale);
    expect(NOTIFICATION_EVENTS.filter((event) => !Object.hasOwn(file, event))).toEqual([]);
    expect(Object.keys(file.$words?.category ?? {}).sort()).toEqual(['associate', 'member']);
    expect(Object.keys(file.$words?.outcome ?? {}).sort()).toEqual(['approved', 'rejected']);
  });

  it('names every deciding body and words its dates', () => {
    expect(phrases).toBeDefined();
    for (const body of SESSION_BODIES) {
      const session = { body, number: 16, startsOn: '2026-09-15', endsOn: '2026-09-15', venue: null, deadline: null };
      expect({ body, name: phrases.sessionName(session) }).toEqual({ body, name: expect.stringContaining('16') });
      expect({ body, cancelled: phrases.sessionCancelled(session) }).toEqual({ body, cancelled: expect.stringContaining('16') });
      expect(phrases.sessionWhen(session, phrases.languageZone)).toMatch(/2026/);
      expect(
        phrases.sessionWhen({ ...session, startsOn: null, endsOn: null, deadline: '2026-10-01T09:00:00Z' }, phrases.languageZone),
      ).toMatch(/2026/);
    }
  });

  it('explains a decision under every quorum and majority rule, met or not', () => {
    for (const quorum of QUORUM_RULES) {
      for (const majority of MAJORITY_RULES) {
        for (const met of [true, false]) {
          const explanation = phrases.explanation({
            voters: 70,
            abstain: 1,
            quorum: { rule: quorum, met, required: 36, actual: met ? 40 : 20 },
            majority: { rule: majority, met, required: 20, yes: met ? 30 : 5, base: 38 },
          });
          expect({ quorum, majority, met, explanation }).toEqual({ quorum, majority, met, explanation: expect.stringMatching(/\S/) });
        }
      }
    }
  });
});

// A written procedure closing at 09:00 UTC on 1 October 2026: 19:00 in Vladivostok (UTC+10 all year since 2014),
// 18:00 in Seoul and Tokyo, 17:00 in Beijing.
describe("a deadline in the reader's time zone", () => {
  const data = {
    sessionWhen: 'until 1 October 2026, 09:00 UTC',
    session: { body: 'written_procedure', number: 3, startsOn: null, endsOn: null, venue: null, deadline: '2026-10-01T09:00:00Z' },
  };
  const when = (locale: (typeof SUPPORTED_LOCALES)[number], timeZone?: string | null) =>
    String(inLocalPhrases(locale, data, timeZone).sessionWhen);

  it.each(SUPPORTED_LOCALES)("in %s, the government's zone where it is known", (locale) => {
    expect(when(locale, 'Asia/Vladivostok')).toContain('19:00');
    expect(when(locale, 'Asia/Vladivostok')).not.toContain('09:00');
  });

  it("else the zone of the language's readers, named as they name it", () => {
    expect(when('ko')).toBe('2026. 10. 1.(목) 18:00(한국 시간)까지');
    expect(when('ja')).toContain('18:00（日本時間）');
    expect(when('zh')).toContain('17:00（北京时间）');
  });

  it('else UTC, said as such', () => {
    expect(when('en')).toBe('until 1 October 2026, 09:00 UTC');
    expect(when('ru')).toBe('до 1 октября 2026 г., 09:00 (UTC)');
    expect(when('mn')).toContain('09:00 (UTC)');
    expect(when('ru', null)).toContain('09:00 (UTC)');
  });

  it("names a zone in the reader's language", () => {
    expect(when('en', 'Asia/Vladivostok')).toBe('until 1 October 2026, 19:00 Vladivostok Standard Time');
    expect(when('ru', 'Asia/Irkutsk')).toBe('до 1 октября 2026 г., 17:00 (Иркутск, стандартное время)');
    expect(when('mn', 'Asia/Hovd')).toContain('16:00 (Ховдын стандарт цаг)');
  });
});
