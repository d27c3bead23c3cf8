import { NOTIFICATION_FIELDS, type NotificationEvent } from './notification-events.js';
import { placeholdersIn, strayBracesIn, type TemplatePart } from './fill-template.js';

/** One event's message in one language, as written in `templates/<locale>.json`. */
export interface MessageTemplate {
  subject: string;
  text: string;
  html: string;
}

/** One locale file: a locale other than English may leave events out (they fall back to English). */
export type LocaleTemplates = Partial<Record<NotificationEvent, MessageTemplate>>;

const PARTS: readonly TemplatePart[] = ['subject', 'text', 'html'];

/**
 * Checks one parsed locale file against the events and the fields each may use. Every problem found is
 * pushed onto `problems`, worded with the file, the event and the offending part, so that a translator
 * sees all of them at once; what is valid is returned.
 */
export function parseTemplateFile(fileName: string, content: unknown, problems: string[]): LocaleTemplates {
  if (!isPlainObject(content)) {
    problems.push(`${fileName}: must be a JSON object keyed by event`);
    return {};
  }
  const templates: LocaleTemplates = {};
  for (const [event, template] of Object.entries(content)) {
    if (!Object.hasOwn(NOTIFICATION_FIELDS, event)) {
      problems.push(`${fileName}: unknown event "${event}" (known: ${Object.keys(NOTIFICATION_FIELDS).join(', ')})`);
      continue;
    }
    const parsed = parseTemplate(`${fileName}, "${event}"`, event as NotificationEvent, template, problems);
    if (parsed) templates[event as NotificationEvent] = parsed;
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
    if (!(PARTS as readonly string[]).includes(key)) problems.push(`${where}: unknown key "${key}" (expected subject, text, html)`);
  }
  const allowed: readonly string[] = NOTIFICATION_FIELDS[event];
  for (const part of PARTS) {
    const source = template[part];
    if (typeof source !== 'string' || source.trim() === '') {
      problems.push(`${where}: missing "${part}" (a non-empty string)`);
      continue;
    }
    for (const name of placeholdersIn(source)) {
      if (!allowed.includes(name)) problems.push(`${where}, ${part}: unknown placeholder {{${name}}} (allowed: ${allowed.join(', ')})`);
    }
    const stray = strayBracesIn(source);
    if (stray !== undefined) problems.push(`${where}, ${part}: malformed placeholder near "${stray}"`);
  }
  const subject = template.subject;
  if (typeof subject === 'string') {
    if (/[\r\n]/.test(subject)) problems.push(`${where}, subject: must be one line`);
    // Every message is about one application: its reference is how people file and find the mail.
    if (!placeholdersIn(subject).includes('reference')) problems.push(`${where}, subject: must carry {{reference}}`);
  }
  if (problems.length > before) return undefined;
  return { subject: template.subject as string, text: template.text as string, html: template.html as string };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
