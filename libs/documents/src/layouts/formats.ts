import { calendarDayIn, englishOrdinal, type Locale, localeOfCountry } from '@near/common';
import type { Tally } from '@near/voting';
import type { Words } from '../document-words.js';
import type { GovernmentNames, SessionFacts } from '../document-facts.repository.js';
import type { DocumentPdf } from '../pdf/document-pdf.js';
import { type CjkForm, cjkFormOf } from '../pdf/fonts.js';

/** What every layout needs besides its facts: the words and the address anyone can check the decision at. */
export interface LayoutContext {
  locale: Locale;
  words: Words;
  verifyUrl: string;
}

// A date is never cut across two lines: its spaces are no-break spaces.
const unbroken = (text: string) => text.replace(/ /g, '\u00a0');

/** A calendar day (`YYYY-MM-DD`: a session's dates). */
export function formatDay(locale: Locale, day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return unbroken(new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date));
}

/** The day an instant falls on where it happened (a time zone the registry knows), or in UTC and said so. */
export function formatDayOf(locale: Locale, instant: Date, timeZone: string | null): string {
  const day = formatDay(locale, calendarDayIn(instant, timeZone));
  return timeZone ? day : `${day} (UTC)`;
}

/** An instant, in UTC and said so: a record read in six countries names one clock. */
export function formatInstant(locale: Locale, instant: Date): string {
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23', timeZone: 'UTC' }).format(
    instant,
  );
  return `${text} (UTC)`;
}

export const formatCount = (locale: Locale, count: number) => new Intl.NumberFormat(locale).format(count);

/** A government as a table cell names it: English, then its own name when it has another. */
export function governmentName(government: GovernmentNames): string {
  const local = government.nameLocal?.trim();
  return local && local !== government.nameEn ? `${government.nameEn} · ${local}` : government.nameEn;
}

/** Its own name's characters in its own country's forms (a Japanese city's kanji in Japanese forms). */
export const formOf = (government: GovernmentNames): CjkForm => cjkFormOf(localeOfCountry(government.country));

/** `10th General Assembly`, `제10차 총회`: the number ranked as English writes it, the other languages' words rank it. */
export function sessionName({ words, locale }: LayoutContext, session: Pick<SessionFacts, 'body' | 'number'>): string {
  return words(`sessionName.${session.body}`, { number: locale === 'en' ? englishOrdinal(session.number) : session.number });
}

export function tallySentence({ words, locale }: LayoutContext, tally: Tally): string {
  return words('decision.tally', {
    yes: formatCount(locale, tally.yes),
    no: formatCount(locale, tally.no),
    abstain: formatCount(locale, tally.abstain),
  });
}

/** NEAR's name at the head of each page; the reference and the page number at its foot. */
export function finishDocument(pdf: DocumentPdf, { words }: LayoutContext, reference: string): Promise<Buffer> {
  return pdf.finish(words('near'), (page, pages) => `${reference} · ${words('page', { page, pages })}`);
}
