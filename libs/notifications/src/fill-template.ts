/** Where a filled value lands decides how it is made safe there. */
export type TemplatePart = 'subject' | 'text' | 'html';

// `{{field}}`, spaces inside the braces tolerated: the whole template language.
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The distinct field names a template uses, in order of first use. */
export function placeholdersIn(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (match) => match[1]))];
}

/** The first `{{` or `}}` that is not part of a well-formed placeholder (a typo such as `{{reference}`), if any. */
export function strayBracesIn(template: string): string | undefined {
  const rest = template.replace(PLACEHOLDER, '');
  const at = rest.search(/\{\{|\}\}/);
  return at < 0 ? undefined : rest.slice(Math.max(0, at - 10), at + 12);
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character]);
}

// A placeholder that is a whole paragraph on its own: in text, between blank lines; in HTML, the whole of a <p>.
const TEXT_PARAGRAPH = /\n\n\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}(?=\n\n)/g;
const HTML_PARAGRAPH = /<p>\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}<\/p>\n?/g;

/**
 * Drops the paragraphs that are a placeholder alone whose value is empty or absent (a decision's thanks, said
 * only to those who voted), with their blank line: no empty paragraph is left behind.
 */
function withoutEmptyParagraphs(template: string, part: TemplatePart, values: Readonly<Record<string, unknown>>): string {
  const empty = (name: string) => !Object.hasOwn(values, name) || values[name] === undefined || values[name] === '';
  if (part === 'text') return template.replace(TEXT_PARAGRAPH, (paragraph, name: string) => (empty(name) ? '' : paragraph));
  if (part === 'html') return template.replace(HTML_PARAGRAPH, (paragraph, name: string) => (empty(name) ? '' : paragraph));
  return template;
}

/**
 * Replaces every placeholder in one pass (a value that itself reads `{{x}}` stays as it is), made safe for
 * its part, once the paragraphs of empty values are dropped: in a subject line breaks become spaces (no header
 * injection), in HTML the value is escaped and its line breaks become `<br>`, in plain text it goes in verbatim.
 */
export function fillTemplate(template: string, part: TemplatePart, values: Readonly<Record<string, unknown>>): string {
  return withoutEmptyParagraphs(template, part, values).replace(PLACEHOLDER, (_placeholder, name: string) => {
    const value = valueOf(values, name);
    switch (part) {
      case 'subject':
        return value.replace(/\s*[\r\n]+\s*/g, ' ');
      case 'html':
        return escapeHtml(value).replace(/\r\n|\r|\n/g, '<br>\n');
      case 'text':
        return value;
    }
  });
}

function valueOf(values: Readonly<Record<string, unknown>>, name: string): string {
  const value = Object.hasOwn(values, name) ? values[name] : undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  // The data is typed per event; a missing value here means a caller bypassed the types (e.g. a stale job).
  throw new TypeError(`No text for the placeholder {{${name}}} (got ${value === null ? 'null' : typeof value})`);
}
