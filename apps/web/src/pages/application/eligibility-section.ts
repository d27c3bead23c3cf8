import { api } from '../../api/client.js';
import type { Application, Criterion } from '../../api/types.js';
import { t, tDynamic } from '../../i18n/i18n.js';
import { h } from '../../ui/h.js';
import { keepUnsaved } from '../../ui/unsaved.js';
import { submit, whenSubmitted } from '../../ui/widgets.js';
import type { Reaction } from './reaction.js';

function readOnly(criteria: Criterion[]): HTMLElement {
  return h(
    'ul',
    { class: 'checklist' },
    criteria.map((criterion) =>
      h(
        'li',
        null,
        h(
          'span',
          { class: `mark ${criterion.passed === null ? 'open' : criterion.passed ? 'pass' : 'fail'}` },
          criterion.passed === null ? t('eligibility.notRecorded') : criterion.passed ? t('eligibility.pass') : t('eligibility.fail'),
        ),
        ' ',
        tDynamic('criterion', criterion.code),
        criterion.note ? h('span', { class: 'note' }, ` — ${criterion.note}`) : null,
      ),
    ),
  );
}

/** One row per criterion: pass or fail, and a note. Saved together with PUT /applications/:id/eligibility. */
function editable(application: Application, react: Reaction): HTMLElement {
  const rows = application.eligibility.criteria.map((criterion, index) => {
    const group = `criterion-${index}`;
    const verdict = (passed: boolean) =>
      h('input', {
        type: 'radio',
        name: `${group}-passed`,
        value: String(passed),
        id: `${group}-${passed ? 'pass' : 'fail'}`,
        checked: criterion.passed === passed,
      });
    const pass = verdict(true);
    const fail = verdict(false);
    const note = h('input', {
      type: 'text',
      id: `${group}-note`,
      name: `criteria.${index}.note`,
      value: criterion.note ?? '',
      maxlength: 5000,
    });
    return {
      criterion,
      pass,
      fail,
      note,
      element: h(
        'fieldset',
        { class: 'criterion' },
        h('legend', null, tDynamic('criterion', criterion.code)),
        h('span', { class: 'choice' }, pass, h('label', { for: pass.id }, t('eligibility.pass'))),
        h('span', { class: 'choice' }, fail, h('label', { for: fail.id }, t('eligibility.fail'))),
        h('div', { class: 'field' }, h('label', { for: note.id }, t('eligibility.note')), note),
      ),
    };
  });
  const form: HTMLFormElement = h(
    'form',
    {
      onsubmit: whenSubmitted(async () => {
        const criteria = rows
          .filter((row) => row.pass.checked || row.fail.checked)
          .map((row) => ({ code: row.criterion.code, passed: row.pass.checked, ...(row.note.value ? { note: row.note.value } : {}) }));
        try {
          await api(`/applications/${application.id}/eligibility`, { method: 'PUT', body: { criteria } });
          await react.done(t('eligibility.saved'));
        } catch (problem) {
          await react.failed(form, problem);
        }
      }),
    },
    rows.map((row) => row.element),
    submit(t('eligibility.save'), { class: 'primary' }),
  );
  keepUnsaved(form);
  return form;
}

export function eligibilitySection(application: Application, canEdit: boolean, react: Reaction): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'eligibility-title' },
    h('h2', { id: 'eligibility-title' }, t('eligibility.title')),
    canEdit && application.state === 'under_review' ? editable(application, react) : readOnly(application.eligibility.criteria),
  );
}
