import { ApiProblem } from '../api/problem.js';
import { type MessageKey, anyTranslation, t, tDynamic } from '../i18n/i18n.js';
import { h, uid } from './h.js';

/**
 * A plain sentence for a problem: the language file's sentence for the problem's code where one is written (in
 * the reader's language, else English), else the API's own sentence (English, and the most precise).
 */
export function problemSentence(problem: unknown): string {
  if (!(problem instanceof ApiProblem)) return t('problem.unexpected');
  if (problem.status === 0) return t('problem.offline');
  return anyTranslation(`problem.${problem.code}`) ?? (problem.detail || t('problem.unexpected'));
}

/** A field's refusal: the language file's words for its reason when the API names one, else the API's messages. */
function fieldSentence(problem: ApiProblem, messages: string[]): string {
  const worded = problem.reason ? tDynamic('passwordRule', problem.reason) : undefined;
  if (worded && worded !== problem.reason) return worded;
  // A refusal moved under its field (a letter that is not a PDF) is a sentence already: not framed, nor stopped twice.
  if (messages.every((message) => /[.!?。！？]$/.test(message))) return messages.join(' ');
  return t('problem.field' satisfies MessageKey, { messages: messages.join('; ') });
}

/** Removes the messages an earlier submission left in the form. */
export function clearProblems(form: HTMLElement): void {
  form.querySelectorAll('.field-error, .form-error').forEach((element) => element.remove());
  form.querySelectorAll('[aria-invalid]').forEach((control) => {
    control.removeAttribute('aria-invalid');
    const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => !id.startsWith('error-'));
    if (described.length) control.setAttribute('aria-describedby', described.join(' '));
    else control.removeAttribute('aria-describedby');
  });
}

/** A field's message under it, tied to its control for screen readers. */
function placeUnder(control: HTMLElement, sentence: string): void {
  const id = uid('error');
  control.setAttribute('aria-invalid', 'true');
  control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
  (control.closest('.field') ?? control).after(h('p', { class: 'field-error', id }, sentence));
}

/** Refusals about one field that the API words as a domain problem, not a field error: shown under that field. */
const PROBLEM_FIELDS: Record<string, string> = {
  'government-required': 'governmentId',
  'government-not-allowed': 'governmentId',
  'government-not-eligible-for-role': 'governmentId',
  'unknown-government': 'governmentId',
};

/**
 * Shows a problem where it belongs: each field error under its field (controls carry `name` = the API's
 * field name), anything else at the top of the form. Focus goes to the first message's control.
 */
export function showProblem(form: HTMLElement, problem: unknown): void {
  clearProblems(form);
  let first: HTMLElement | null = null;
  const unplaced: string[] = [];
  for (const error of problem instanceof ApiProblem ? problem.fieldErrors : []) {
    const control = form.querySelector<HTMLElement>(`[name="${CSS.escape(error.field)}"]`);
    const sentence = fieldSentence(problem as ApiProblem, error.messages);
    if (!control) {
      unplaced.push(sentence);
      continue;
    }
    placeUnder(control, sentence);
    first ??= control;
  }
  const field = problem instanceof ApiProblem ? PROBLEM_FIELDS[problem.code] : undefined;
  const control = field ? form.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`) : null;
  if (control && problem instanceof ApiProblem && problem.fieldErrors.length === 0) {
    placeUnder(control, problemSentence(problem));
    control.focus();
    return;
  }
  const hasFieldErrors = problem instanceof ApiProblem && problem.fieldErrors.length > 0;
  const summary = hasFieldErrors && !unplaced.length ? t('problem.fields') : [problemSentence(problem), ...unplaced].join(' ');
  const message = h('p', { class: 'form-error', role: 'alert' }, summary);
  form.prepend(message);
  if (first) first.focus();
}
