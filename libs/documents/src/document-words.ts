import { readdirSync, readFileSync } from 'node:fs';
import { DEFAULT_LOCALE, type Locale, StartupError, SUPPORTED_LOCALES } from '@near/common';

// Beside this lib in the sources (libs/documents/words) and, copied by the nest-cli assets rule, beside the
// compiled lib.
const FOLDER = new URL('../words/', import.meta.url);
const PLACEHOLDER = /\{(\w+)\}/g;

/** A document's words in one language: `words('decision.roll', { count: '75' })`. */
export type Words = (key: string, values?: Readonly<Record<string, string | number>>) => string;

let loaded: ReadonlyMap<Locale, Readonly<Record<string, string>>> | undefined;

/**
 * The words of every language, checked once: every key of a language is one English has, with the same
 * placeholders. A key a language lacks is said in English.
 */
function load(): ReadonlyMap<Locale, Readonly<Record<string, string>>> {
  if (loaded) return loaded;
  const files = new Map<Locale, Record<string, string>>();
  for (const name of readdirSync(FOLDER).filter((file) => file.endsWith('.json'))) {
    const locale = name.slice(0, -'.json'.length) as Locale;
    if (!SUPPORTED_LOCALES.includes(locale)) throw new StartupError(`Document words: ${name} is not a supported language`);
    files.set(locale, JSON.parse(readFileSync(new URL(name, FOLDER), 'utf8')) as Record<string, string>);
  }
  const english = files.get(DEFAULT_LOCALE);
  if (!english) throw new StartupError(`Document words: ${new URL('en.json', FOLDER).pathname} is missing`);
  const problems: string[] = [];
  for (const [locale, words] of files) {
    for (const [key, text] of Object.entries(words)) {
      if (!(key in english)) problems.push(`${locale}.json: ${key} is not a key of en.json`);
      else if (placeholders(text) !== placeholders(english[key]))
        problems.push(`${locale}.json: ${key} must use ${placeholders(english[key])}`);
    }
  }
  if (problems.length > 0) throw new StartupError(`Document words are invalid: ${problems.join('; ')}`);
  loaded = files;
  return files;
}

const placeholders = (text: string) =>
  [...text.matchAll(PLACEHOLDER)]
    .map((match) => match[1])
    .sort()
    .join(', ');

export function wordsFor(locale: Locale): Words {
  const files = load();
  const own = files.get(locale) ?? {};
  const english = files.get(DEFAULT_LOCALE)!;
  return (key, values = {}) => {
    const text = own[key] ?? english[key];
    if (text === undefined) throw new Error(`No document words for ${key}`);
    return text.replace(PLACEHOLDER, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}

/** Checks the words at start-up, so that a bad translation stops the worker with one clear line. */
export function assertDocumentWords(): void {
  load();
}
