import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { SUPPORTED_LOCALES } from '@near/common';
import { SESSION_BODIES, MAJORITY_RULES, QUORUM_RULES } from '@near/voting';
import { NOTIFICATION_EVENTS } from '../notification-events.js';
import { LOCAL_PHRASES } from './local-phrases.js';

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
      expect(phrases.sessionWhen(session)).toMatch(/2026/);
      expect(phrases.sessionWhen({ ...session, startsOn: null, endsOn: null, deadline: '2026-10-01T09:00:00Z' })).toMatch(/2026/);
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
