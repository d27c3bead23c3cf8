import type { GovernmentSummary } from '../api/types.js';
import { currentLanguage, type MessageKey, t, tDynamic } from '../i18n/i18n.js';
import { h, uid } from './h.js';

const LANGUAGE_OF_COUNTRY: Record<string, string> = { CN: 'zh', JP: 'ja', KR: 'ko', KP: 'ko', MN: 'mn', RU: 'ru' };

/** The language a government of this country names itself in (`und` outside NEAR's six countries). */
export const languageOf = (country: string): string => LANGUAGE_OF_COUNTRY[country] ?? 'und';

/** A government's name in English and in its own language, the latter marked with its language for screen readers. */
export function governmentName(government: Pick<GovernmentSummary, 'nameEn' | 'nameLocal' | 'country'>): HTMLElement {
  const local = government.nameLocal && government.nameLocal !== government.nameEn;
  return h(
    'span',
    { class: 'government' },
    h('span', { lang: 'en' }, government.nameEn),
    local ? [' ', h('span', { class: 'local-name', lang: LANGUAGE_OF_COUNTRY[government.country] ?? 'und' }, government.nameLocal)] : null,
  );
}

export function stateBadge(state: string): HTMLElement {
  return h('span', { class: `badge state-${state}` }, tDynamic('state', state));
}

/** A labelled control: `field(t('x'), h('input', …))`. The label is tied to the control by id. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || uid('field');
  control.id = id;
  const hintId = hint ? `${id}-hint` : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' }, h('label', { for: id }, label), hint ? h('p', { class: 'hint', id: hintId }, hint) : null, control);
}

export function submit(label: string, extra: Record<string, unknown> = {}): HTMLButtonElement {
  return h('button', { type: 'submit', ...extra }, label);
}

/** Disables a form's submit buttons while its request runs, so a double click sends once. */
export async function busy<T>(form: HTMLElement, work: () => Promise<T>): Promise<T> {
  const buttons = [...form.querySelectorAll<HTMLButtonElement>('button')];
  buttons.forEach((button) => (button.disabled = true));
  form.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    buttons.forEach((button) => (button.disabled = false));
    form.removeAttribute('aria-busy');
  }
}

/** A form's submit handler: the page stays where it is, and the form's buttons wait until `work` is done. */
export const whenSubmitted =
  (work: () => Promise<void>) =>
  (event: Event): void => {
    event.preventDefault();
    void busy(event.currentTarget as HTMLElement, work);
  };

/**
 * A table of rows. On a phone each row is shown as a card, each cell under its column's heading (`data-label`): a
 * table wider than the screen would scroll sideways in its box and hide its last columns. The roles keep it a table
 * for screen readers, which lose the semantics of a table whose parts are displayed as blocks.
 */
export function dataTable(caption: string, headings: string[], body: HTMLElement): HTMLElement {
  const header = h(
    'thead',
    { role: 'rowgroup' },
    h(
      'tr',
      { role: 'row' },
      headings.map((label) => h('th', { scope: 'col', role: 'columnheader' }, label)),
    ),
  );
  const label = () => {
    for (const row of body.children) {
      row.setAttribute('role', 'row');
      [...row.children].forEach((cell, column) => {
        cell.setAttribute('role', 'cell');
        cell.setAttribute('data-label', headings[column] ?? '');
      });
    }
  };
  body.setAttribute('role', 'rowgroup');
  label();
  // Pages add rows later ("More", a refresh): those are labelled as they come.
  new MutationObserver(label).observe(body, { childList: true });
  return h(
    'div',
    { class: 'table-wrap' },
    h('table', { role: 'table' }, h('caption', { class: 'visually-hidden' }, caption), header, body),
  );
}

export const loading = () => h('p', { class: 'loading' }, t('common.loading'));

export function definitionList(rows: [string, Node | string | null | undefined][]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    rows
      .filter(([, value]) => value !== null && value !== undefined && value !== '')
      .map(([term, value]) => [h('dt', null, term), h('dd', null, value)]),
  );
}

/** The page's one h1; focusable so that navigation can move focus (and the screen reader) to it. */
export const pageTitle = (text: string, ...extra: (Node | string)[]) => h('h1', { tabindex: -1 }, text, ...extra);

/** A session as its language names it (10th General Assembly, 제10차 총회, 第10回総会), as the e-mails about it do. */
export function sessionName(session: { body: string; number: number }): string {
  return SESSION_BODIES.includes(session.body)
    ? t(`sessionName.${session.body}` as MessageKey, {
        number: currentLanguage() === 'en' ? englishOrdinal(session.number) : session.number,
      })
    : `${tDynamic('body', session.body)} ${session.number}`;
}

const ORDINAL_SUFFIXES: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
const ORDINAL_FORMS = new Intl.PluralRules('en', { type: 'ordinal' });
/**
 * English alone ranks a number with a suffix chosen by the number; the other languages' words put their mark around it.
 * The same as libs/common's englishOrdinal, which the browser app cannot import.
 */
const englishOrdinal = (number: number) => `${number}${ORDINAL_SUFFIXES[ORDINAL_FORMS.select(number)]}`;

const SESSION_BODIES = ['general_assembly', 'working_committee', 'written_procedure'];
