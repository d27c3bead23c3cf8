import english from './en.json';

export type MessageKey = keyof typeof english;
type Messages = Partial<Record<MessageKey, string>>;

const LANGUAGE_CHOICE = 'near.language';
let current = 'en';
let messages: Messages = english;

export const availableLanguages = (): { code: string; name: string }[] => __LOCALES__;
export const currentLanguage = () => current;

/**
 * A language's name in the reader's language ("Korean", "한국어"): from `Intl`, or from the language file where a browser
 * has no data for the language (`language.<code>`: Chromium has none for Mongolian); else its code.
 */
export const languageName = (code: string): string =>
  anyTranslation(`language.${code}`) ?? new Intl.DisplayNames([current], { type: 'language' }).of(code) ?? code;

/** The user's explicit choice on this browser, then their locale in the system, then the browser's, then English. */
export function preferredLanguage(userLocale?: string): string {
  const offered = new Set(availableLanguages().map((language) => language.code));
  const candidates = [localStorage.getItem(LANGUAGE_CHOICE), userLocale, ...navigator.languages.map((tag) => tag.split('-')[0])];
  return candidates.find((code): code is string => !!code && offered.has(code)) ?? 'en';
}

/** Loads a language file (English is built in; any key a file lacks falls back to English). */
export async function useLanguage(code: string, remember = false): Promise<void> {
  if (remember) localStorage.setItem(LANGUAGE_CHOICE, code);
  if (code === current) return;
  if (code === 'en') {
    messages = english;
  } else {
    const response = await fetch(`/app/i18n/${encodeURIComponent(code)}.json`);
    if (!response.ok) return;
    messages = (await response.json()) as Messages;
  }
  current = code;
  document.documentElement.lang = code;
}

type Values = Record<string, string | number>;

/** The message for `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, values: Values = {}): string {
  return filled(messages[pluralKey(key, values)] ?? messages[key] ?? english[key], values);
}

/**
 * A message about a number of things has its singular as `<key>.one` where the language needs one ("1
 * application", not "1 applications"); languages without (Korean, Chinese, Japanese) repeat the message.
 */
function pluralKey(key: MessageKey, values: Values): MessageKey {
  if (typeof values.count !== 'number') return key;
  const form = new Intl.PluralRules(current).select(values.count);
  return form === 'one' && `${key}.one` in english ? (`${key}.one` as MessageKey) : key;
}

function filled(template: string, values: Values): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder));
}

/** The audit actions the language files have words for (`event.<action>`), as the API records them. */
export const knownEvents = (): string[] =>
  Object.keys(english)
    .filter((key) => key.startsWith('event.'))
    .map((key) => key.slice('event.'.length));

/** A message whose key is built from data (a state, an action): falls back to the raw value. */
export function tDynamic(prefix: string, value: string): string {
  const key = `${prefix}.${value}` as MessageKey;
  return key in english ? t(key) : value;
}

/**
 * Whether the browser's `Intl` has the current language's data. Chromium's has none for Mongolian, and would write
 * its dates in English ("Dec 8, 2026"): those are then filled into the language file's own `format.*` patterns.
 */
const intlSpeaksCurrent = (): boolean => Intl.DateTimeFormat.supportedLocalesOf([current]).length > 0;

function dateInPattern(date: Date, timeZone: string | undefined, withTime: boolean): string {
  const numeric = { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en', { ...numeric, timeZone }).formatToParts(date).map((part) => [part.type, part.value]),
  );
  const day = t('format.date', { year: parts.year, month: parts.month, day: parts.day });
  return withTime ? t('format.dateTime', { date: day, time: `${parts.hour}:${parts.minute}` }) : day;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  if (!intlSpeaksCurrent()) return dateInPattern(new Date(iso), undefined, true);
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** Things listed as the current language lists them: `A, B and C`, `A、B和C`. */
export const formatList = (items: readonly string[]): string => new Intl.ListFormat(current, { type: 'conjunction' }).format(items);

/** A time zone as the current language names it, with its IANA name: `Vladivostok Standard Time (Asia/Vladivostok)`. */
export function timeZoneName(timeZone: string): string {
  const parts = new Intl.DateTimeFormat(current, { timeZone, timeZoneName: 'long' }).formatToParts(new Date());
  const name = parts.find((part) => part.type === 'timeZoneName')?.value;
  return name ? `${name} (${timeZone})` : timeZone;
}

/**
 * A calendar day (`2027-09-15`: a session's first day, a member's admission) as it is written, or the day an instant
 * (a filing) falls on for the reader, as the page that shows its time says it.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const timeZone = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? 'UTC' : undefined;
  if (!intlSpeaksCurrent()) return dateInPattern(new Date(iso), timeZone, false);
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

/** A sentence for `key` from the language files, the current language's or else English's, if either has one. */
export function anyTranslation(key: string): string | undefined {
  return (messages as Record<string, string | undefined>)[key] ?? (english as Record<string, string | undefined>)[key];
}

/** The current language's own sentence for `key`, if its file has one (no English fallback), filled in as `t` does. */
export function ownTranslation(key: string, values: Values = {}): string | undefined {
  const template = current === 'en' ? undefined : (messages as Record<string, string | undefined>)[key];
  return template === undefined ? undefined : filled(template, values);
}
