import { NOTIFICATION_FIELDS, type NotificationEvent } from './notification-events.js';
import { placeholdersIn, strayBracesIn, type TemplatePart } from './fill-template.js';

/** One event's message in one language, as written in `templates/<locale>.json`. */
export interface MessageTemplate {
  subject: string;
  /**
   * The opening line when the recipient's name is not known (`Dear Sir or Madam,`), filled in at
   * `{{salutation}}`; a recipient whose name is known is greeted by the file's `$salutation` instead.
   */
  salutation?: string;
  text: string;
  html: string;
}

/**
 * The words a language uses for coded values the data carries, by field: `{"category": {"member": "정회원"}}`.
 * A value without a word goes in as it is.
 */
export type ValueWords = Record<string, Record<string, string>>;

/** The key of a locale file that holds its ValueWords rather than an event. */
export const VALUE_WORDS_KEY = '$words';

/** The key of a locale file that holds the opening line to a recipient by name: `"Dear {{name}},"`. */
export const SALUTATION_KEY = '$salutation';

/** One locale file: a locale other than English may leave events out (they fall back to English). */
export interface LocaleTemplates {
  events: Partial<Record<NotificationEvent, MessageTemplate>>;
  words: ValueWords;
  /** The opening line to a recipient whose name is known, with `{{name}}`. */
  salutation?: string;
}

const PARTS: readonly TemplatePart[] = ['subject', 'text', 'html'];
const SALUTATION_FIELD = 'salutation';

/**
 * Checks one parsed locale file against the events and the fields each may use. Every problem found is
 * pushed onto `problems`, worded with the file, the event and the offending part, so that a translator
 * sees all of them at once; what is valid is returned.
 */
export function parseTemplateFile(fileName: string, content: unknown, problems: string[]): LocaleTemplates {
  if (!isPlainObject(content)) {
    problems.push(`${fileName}: must be a JSON object keyed by event`);
    return { events: {}, words: {} };
  }
  const templates: LocaleTemplates = { events: {}, words: {} };
  for (const [event, template] of Object.entries(content)) {
    if (event === VALUE_WORDS_KEY) {
      templates.words = parseValueWords(fileName, template, problems);
      continue;
    }
    if (event === SALUTATION_KEY) {
      templates.salutation = parseSalutation(fileName, template, problems);
      continue;
    }
    if (!Object.hasOwn(NOTIFICATION_FIELDS, event)) {
      problems.push(`${fileName}: unknown event "${event}" (known: ${Object.keys(NOTIFICATION_FIELDS).join(', ')})`);
      continue;
    }
    const parsed = parseTemplate(`${fileName}, "${event}"`, event as NotificationEvent, template, problems);
    if (parsed) templates.events[event as NotificationEvent] = parsed;
  }
  return templates;
}

function parseTemplate(where: string, event: NotificationEvent, template: unknown, problems: string[]): MessageTemplate | undefined {
  if (!isPlainObject(template)) {
    problems.push(`${where}: must be an object with "subject", "text" and "html"`);
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(template)) {
    if (![...PARTS, SALUTATION_FIELD].includes(key))
      problems.push(`${where}: unknown key "${key}" (expected subject, salutation, text, html)`);
  }
  const fields: readonly string[] = NOTIFICATION_FIELDS[event];
  const salutation = template[SALUTATION_FIELD];
  if (salutation !== undefined) {
    if (typeof salutation !== 'string' || salutation.trim() === '' || /[\r\n]/.test(salutation)) {
      problems.push(`${where}: "${SALUTATION_FIELD}" must be one line of text`);
    } else {
      checkPlaceholders(`${where}, ${SALUTATION_FIELD}`, salutation, fields, problems);
    }
  }
  const allowed = salutation === undefined ? fields : [...fields, SALUTATION_FIELD];
  for (const part of PARTS) {
    const source = template[part];
    if (typeof source !== 'string' || source.trim() === '') {
      problems.push(`${where}: missing "${part}" (a non-empty string)`);
      continue;
    }
    checkPlaceholders(`${where}, ${part}`, source, allowed, problems);
  }
  const subject = template.subject;
  if (typeof subject === 'string') {
    if (/[\r\n]/.test(subject)) problems.push(`${where}, subject: must be one line`);
    // A message about one application carries its reference: it is how people file and find the mail. A
    // session's reminder names the session instead; one about the recipient's own account (an invitation, a
    // second factor added) names neither.
    const key = allowed.includes('reference') ? 'reference' : allowed.includes('sessionName') ? 'sessionName' : undefined;
    if (key && !placeholdersIn(subject).includes(key)) problems.push(`${where}, subject: must carry {{${key}}}`);
  }
  if (problems.length > before) return undefined;
  return {
    subject: template.subject as string,
    ...(typeof salutation === 'string' ? { salutation } : {}),
    text: template.text as string,
    html: template.html as string,
  };
}

function checkPlaceholders(where: string, source: string, allowed: readonly string[], problems: string[]): void {
  for (const name of placeholdersIn(source)) {
    if (!allowed.includes(name)) problems.push(`${where}: unknown placeholder {{${name}}} (allowed: ${allowed.join(', ')})`);
  }
  const stray = strayBracesIn(source);
  if (stray !== undefined) problems.push(`${where}: malformed placeholder near "${stray}"`);
}

function parseSalutation(fileName: string, content: unknown, problems: string[]): string | undefined {
  const where = `${fileName}, "${SALUTATION_KEY}"`;
  if (typeof content !== 'string' || /[\r\n]/.test(content) || !placeholdersIn(content).includes('name')) {
    problems.push(`${where}: must be one line holding {{name}}`);
    return undefined;
  }
  checkPlaceholders(where, content, ['name'], problems);
  return content;
}

function parseValueWords(fileName: string, content: unknown, problems: string[]): ValueWords {
  const where = `${fileName}, "${VALUE_WORDS_KEY}"`;
  if (!isPlainObject(content)) {
    problems.push(`${where}: must be an object of fields, each an object of value → word`);
    return {};
  }
  const fields = new Set<string>(Object.values(NOTIFICATION_FIELDS).flat());
  const words: ValueWords = {};
  for (const [field, byValue] of Object.entries(content)) {
    if (!fields.has(field)) {
      problems.push(`${where}: unknown field "${field}" (known: ${[...fields].join(', ')})`);
    } else if (!isPlainObject(byValue) || Object.values(byValue).some((word) => typeof word !== 'string' || word.trim() === '')) {
      problems.push(`${where}, ${field}: must map each value to a non-empty string`);
    } else {
      words[field] = byValue as Record<string, string>;
    }
  }
  return words;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
