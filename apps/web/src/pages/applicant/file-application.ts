import { api } from '../../api/client.js';
import { ApiProblem } from '../../api/problem.js';
import type { Application, ApplicationPage, Government } from '../../api/types.js';
import { sendForm } from '../../api/upload.js';
import { availableLanguages, currentLanguage, t } from '../../i18n/i18n.js';
import { navigate, type Page } from '../../router.js';
import { contactFields } from '../../ui/contact-fields.js';
import { h, replace } from '../../ui/h.js';
import { notify } from '../../ui/notice.js';
import { problemSentence, showProblem } from '../../ui/problems.js';
import { keepUnsaved } from '../../ui/unsaved.js';
import { field, governmentName, pageTitle, submit, whenSubmitted } from '../../ui/widgets.js';
import { letterInput, uploadProgress } from '../application/letter-section.js';

/** The workflow's final states: an application in any other is still in progress. */
const DECIDED_STATES = new Set(['ineligible', 'approved', 'rejected', 'withdrawn']);

export const fileApplicationPage: Page = async ({ main, signIn }) => {
  const [government, { items }] = await Promise.all([
    api<Government>(`/governments/${signIn.user.governmentId}`),
    api<ApplicationPage>('/applications?limit=100'),
  ]);
  // Said before the form is filled and the letter uploaded, rather than refused after.
  const inProgress = items.find((application) => !DECIDED_STATES.has(application.state));
  if (inProgress || government.status === 'member') {
    replace(
      main,
      pageTitle(t('file.title')),
      h(
        'div',
        { class: 'card' },
        inProgress
          ? h(
              'p',
              null,
              t('file.inProgress', { reference: inProgress.reference }),
              ' ',
              h('a', { href: `/app/applications/${inProgress.id}` }, t('file.openInProgress', { reference: inProgress.reference })),
            )
          : h('p', null, t('file.alreadyMember')),
      ),
    );
    return;
  }
  const category = h(
    'select',
    { name: 'category' },
    h('option', { value: 'member' }, t('category.member')),
    // An associate member may apply to become a member, not an associate member again.
    government.status === 'associate' ? null : h('option', { value: 'associate' }, t('category.associate')),
  );
  const head = h('input', { name: 'headOfGovernment', required: true, maxlength: 200, autocomplete: 'off' });
  const statement = h('textarea', { name: 'statementOfPurpose', required: true, rows: 5, maxlength: 20000 });
  const contact = contactFields({ required: true });
  const locale = h(
    'select',
    { name: 'locale' },
    availableLanguages().map((language) =>
      h('option', { value: language.code, selected: language.code === currentLanguage() }, language.name),
    ),
  );
  const letter = letterInput();
  const progress = uploadProgress();
  // Sent again with a retry after a lost answer, so the application is filed once.
  const idempotencyKey = crypto.randomUUID();

  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card',
      onsubmit: whenSubmitted(async () => {
        // The application and its letter in one request: a refused letter leaves nothing filed.
        const parts = new FormData();
        parts.append(
          'application',
          JSON.stringify({
            governmentId: government.id,
            category: category.value,
            headOfGovernment: head.value,
            statementOfPurpose: statement.value,
            contact: {
              name: contact.name.value,
              email: contact.email.value,
              ...(contact.phone.value ? { phone: contact.phone.value } : {}),
            },
            locale: locale.value,
          }),
        );
        parts.append('letter', letter.files![0], letter.files![0].name);
        let filed: Application;
        try {
          progress.show();
          filed = await sendForm<Application>('POST', '/applications', parts, progress.update, { 'Idempotency-Key': idempotencyKey });
        } catch (problem) {
          progress.hide();
          showProblem(form, letterProblemUnderItsField(problem));
          return;
        }
        notify(t('file.filed', { reference: filed.reference }));
        navigate(`/app/applications/${filed.id}`);
      }),
    },
    h('p', null, t('file.for'), ' ', governmentName(government)),
    field(t('file.category'), category),
    field(t('file.headOfGovernment'), head),
    field(t('file.statement'), statement, t('file.statementHint')),
    contact.fieldset,
    field(t('file.locale'), locale, t('file.localeHint')),
    field(t('letter.file'), letter, t('letter.hint')),
    progress.element,
    submit(t('file.submit'), { class: 'primary' }),
  );
  keepUnsaved(form);
  replace(main, pageTitle(t('file.title')), form);
};

/** A refused letter (not a PDF, too large, empty) is said under the letter's field, where the user acts on it. */
function letterProblemUnderItsField(problem: unknown): unknown {
  if (!(problem instanceof ApiProblem) || !problem.code.startsWith('letter-')) return problem;
  return new ApiProblem(problem.status, problem.code, problem.detail, [{ field: 'file', messages: [problemSentence(problem)] }]);
}
