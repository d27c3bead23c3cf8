import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LOCALE, type Locale, StartupError, SUPPORTED_LOCALES } from '@near/common';
import { NOTIFICATION_EVENTS, type NotificationData, type NotificationEvent } from './notification-events.js';
import { fillTemplate } from './fill-template.js';
import { inLocalPhrases } from './phrases/local-phrases.js';
import { type LinkedPage, withPageLink } from './page-link.js';
import { type LocaleTemplates, parseTemplateFile, type ValueWords } from './template-file.js';

/** Who the message goes to, and the page it is about: both optional (a preview, an old row). */
export interface MessageAddress {
  /** The recipient's name, greeted by it (the file's `$salutation`) instead of the template's `salutation`. */
  addressee?: string | null;
  /** The web app's page the message is about, linked above the footer. */
  page?: { kind: LinkedPage; url: string };
  /** The recipient's IANA time zone, where known: times are given in it (else in the language's, or UTC). */
  timeZone?: string | null;
}

/** A message ready to send, with the locale it was actually written in (English when the wanted one lacks it). */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  locale: Locale;
}

// Beside this lib in the sources (libs/notifications/templates) and, copied by the nest-cli assets rule,
// beside the compiled lib (dist/apps/<app>/libs/notifications/templates).
const DEFAULT_DIRECTORY = new URL('../templates/', import.meta.url);

/**
 * The e-mail templates, one `<locale>.json` per language, validated once at load: a new language is a new
 * file, discovered here. English must cover every event; other languages fall back to it event by event.
 */
export class TemplateCatalog {
  private constructor(private readonly templates: ReadonlyMap<Locale, LocaleTemplates>) {}

  /** Reads and checks every `<locale>.json` of the folder; throws a StartupError listing every problem. */
  static load(directory: string | URL = DEFAULT_DIRECTORY): TemplateCatalog {
    const folder = directory instanceof URL ? fileURLToPath(directory) : directory;
    let fileNames: string[];
    try {
      fileNames = readdirSync(folder)
        .filter((name) => name.endsWith('.json'))
        .sort();
    } catch (error) {
      throw new StartupError(`Mail templates: cannot read the folder ${folder}: ${(error as Error).message}`);
    }
    const problems: string[] = [];
    const templates = new Map<Locale, LocaleTemplates>();
    for (const fileName of fileNames) {
      const locale = fileName.slice(0, -'.json'.length);
      if (!isSupportedLocale(locale)) {
        problems.push(`${fileName}: not a supported locale (file names are ${SUPPORTED_LOCALES.map((l) => `${l}.json`).join(', ')})`);
        continue;
      }
      const content = readJson(join(folder, fileName), fileName, problems);
      if (content === undefined) continue;
      templates.set(locale, parseTemplateFile(fileName, content, problems));
      if (locale === DEFAULT_LOCALE) checkComplete(fileName, content, problems);
    }
    if (!fileNames.includes(`${DEFAULT_LOCALE}.json`)) problems.push(`${DEFAULT_LOCALE}.json: missing (it is every language's fallback)`);
    if (problems.length > 0) throw new StartupError(`Mail templates in ${folder} are invalid: ${problems.join('; ')}`);
    return new TemplateCatalog(templates);
  }

  /** The languages a file was found for. */
  get locales(): Locale[] {
    return [...this.templates.keys()];
  }

  /**
   * Renders one event in the recipient's language (`ko`, `ko-KR`, `KO` all pick Korean), falling back to
   * English when that language has no file or no template for this event. Coded values go in as the file's
   * `$words`, sentences (a session's name, a decision's explanation) as the language's phrases word them.
   */
  render<E extends NotificationEvent>(
    event: E,
    locale: string | null | undefined,
    data: NotificationData[E],
    address: MessageAddress = {},
  ): RenderedMessage {
    // A locale column may be null in old rows: English, as for any language without templates.
    const wanted = typeof locale === 'string' ? locale.trim().toLowerCase().split(/[-_]/)[0] : DEFAULT_LOCALE;
    const chosen = isSupportedLocale(wanted) && this.templates.get(wanted)?.events[event] ? wanted : DEFAULT_LOCALE;
    const template = this.templates.get(chosen)?.events[event];
    // Only reachable when the event name comes from outside the types (e.g. a row written by a newer version).
    if (!template) throw new Error(`No mail template for the event "${event}"`);
    const file = this.templates.get(chosen);
    const values = inWords(inLocalPhrases(chosen, data as Readonly<Record<string, unknown>>, address.timeZone), file?.words ?? {});
    if (template.salutation !== undefined) {
      const named = address.addressee?.trim() && file?.salutation;
      values.salutation = named
        ? fillTemplate(named, 'text', { name: address.addressee?.trim() })
        : fillTemplate(template.salutation, 'text', values);
    }
    const message = {
      subject: fillTemplate(template.subject, 'subject', values),
      text: fillTemplate(template.text, 'text', values),
      html: fillTemplate(template.html, 'html', values),
      locale: chosen,
    };
    if (address.page) withPageLink(message, chosen, address.page.kind, address.page.url);
    return message;
  }
}

/** Coded values (a category, an outcome) in the words of the message's language, where its file gives them. */
function inWords(values: Readonly<Record<string, unknown>>, words: ValueWords): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([field, value]) => {
      const word =
        typeof value === 'string' && Object.hasOwn(words, field) && Object.hasOwn(words[field], value) ? words[field][value] : value;
      return [field, word];
    }),
  );
}

function readJson(path: string, fileName: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    problems.push(`${fileName}: not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
}

/** The fallback language names every event; an event it has but got wrong is reported by its own check. */
function checkComplete(fileName: string, content: unknown, problems: string[]): void {
  if (typeof content !== 'object' || content === null) return;
  const absent = NOTIFICATION_EVENTS.filter((event) => !Object.hasOwn(content, event));
  if (absent.length > 0) problems.push(`${fileName}: must cover every event, missing ${absent.join(', ')}`);
}

function isSupportedLocale(value: string): value is Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value);
}
