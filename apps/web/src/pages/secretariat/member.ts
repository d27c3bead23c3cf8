import { api } from '../../api/client.js';
import { ApiProblem } from '../../api/problem.js';
import type { GovernmentDetail } from '../../api/types.js';
import { formatDate, t, tDynamic, timeZoneName } from '../../i18n/i18n.js';
import type { Page } from '../../router.js';
import { h, replace } from '../../ui/h.js';
import { notify } from '../../ui/notice.js';
import { showProblem } from '../../ui/problems.js';
import { keepUnsaved } from '../../ui/unsaved.js';
import { definitionList, field, governmentName, pageTitle, submit, whenSubmitted } from '../../ui/widgets.js';
import { countryName } from './countries.js';
import { timeZoneSelect } from './time-zone-select.js';

/**
 * One government of the registry: its status and, for a member or associate member, its fee standing and
 * why it may or may not vote. The Secretariat records a payment and corrects the names here.
 */
export const memberPage: Page = async ({ main, params }) => {
  const [id] = params;
  async function render(): Promise<void> {
    const government = await api<GovernmentDetail>(`/governments/${id}`);
    const paysFees = government.status === 'member' || government.status === 'associate';
    replace(
      main,
      pageTitle(government.nameEn),
      h('p', { class: 'lead' }, governmentName(government)),
      definitionList([
        [t('registry.status'), tDynamic('governmentStatus', government.status)],
        [t('members.country'), countryName(government.country)],
        [t('registry.level'), tDynamic('level', government.level)],
        [t('registry.kindShort'), government.kind],
        [t('registry.timeZone'), government.timeZone ? timeZoneName(government.timeZone) : t('registry.timeZoneUnknown')],
        [t('members.since'), paysFees ? formatDate(government.memberSince) || t('members.sinceUnknown') : null],
        [t('members.vote'), government.status === 'member' ? (government.mayVote ? t('members.mayVote') : t('members.noVote')) : null],
        [t('members.reason'), government.status === 'member' ? government.mayVoteReason : null],
        [t('members.paidYears'), paysFees ? government.fees.paidYears.join(', ') || '—' : null],
        [t('members.owedYears'), paysFees ? government.fees.owedYears.join(', ') || '—' : null],
      ]),
      paysFees ? feeForm() : null,
      correctionForm(government),
      timeZoneForm(government),
    );
  }

  /** The zone its officials' e-mails give deadlines in. */
  function timeZoneForm(government: GovernmentDetail): HTMLFormElement {
    const timeZone = timeZoneSelect(government.timeZone, t('registry.timeZoneUnknown'));
    const form: HTMLFormElement = h(
      'form',
      {
        class: 'card',
        onsubmit: whenSubmitted(() => sendCorrection(form, government, { timeZone: timeZone.value || null }, t('registry.timeZoneSaved'))),
      },
      h('h2', null, t('registry.timeZone')),
      field(t('registry.timeZone'), timeZone, t('registry.timeZoneHint')),
      submit(t('registry.timeZoneSubmit')),
    );
    keepUnsaved(form);
    return form;
  }

  function feeForm(): HTMLFormElement {
    const year = h('input', {
      name: 'year',
      type: 'number',
      min: 1996,
      max: 2200,
      required: true,
      value: String(new Date().getFullYear()),
    });
    const paidOn = h('input', { name: 'paidOn', type: 'date', required: true, value: new Date().toISOString().slice(0, 10) });
    const form: HTMLFormElement = h(
      'form',
      {
        class: 'card',
        onsubmit: whenSubmitted(async () => {
          try {
            await api(`/governments/${id}/fees`, { method: 'PUT', body: { year: Number(year.value), paidOn: paidOn.value } });
            await render();
            notify(t('members.feeRecorded'));
          } catch (problem) {
            showProblem(form, problem);
          }
        }),
      },
      h('h2', null, t('members.recordFee')),
      field(t('members.feeYear'), year),
      field(t('members.paidOn'), paidOn),
      submit(t('members.recordFeeSubmit'), { class: 'primary' }),
    );
    keepUnsaved(form);
    return form;
  }

  function correctionForm(government: GovernmentDetail): HTMLFormElement {
    const nameEn = h('input', { name: 'nameEn', required: true, maxlength: 200, value: government.nameEn, autocomplete: 'off' });
    const nameLocal = h('input', { name: 'nameLocal', required: true, maxlength: 200, value: government.nameLocal, autocomplete: 'off' });
    const level = h(
      'select',
      { name: 'level' },
      ['regional', 'local'].map((value) => h('option', { value, selected: value === government.level }, tDynamic('level', value))),
    );
    const form: HTMLFormElement = h(
      'form',
      {
        class: 'card',
        onsubmit: whenSubmitted(() =>
          sendCorrection(
            form,
            government,
            { nameEn: nameEn.value, nameLocal: nameLocal.value, level: level.value },
            t('registry.corrected'),
          ),
        ),
      },
      h('h2', null, t('registry.correct')),
      field(t('registry.nameEn'), nameEn),
      field(t('registry.nameLocal'), nameLocal),
      field(t('registry.level'), level),
      submit(t('registry.correctSubmit')),
    );
    keepUnsaved(form);
    return form;
  }

  /** A correction under the version this page showed: one made by someone else since is not overwritten. */
  async function sendCorrection(form: HTMLFormElement, government: GovernmentDetail, body: object, saved: string): Promise<void> {
    try {
      await api(`/governments/${id}`, { method: 'PATCH', headers: { 'If-Match': `"${government.version}"` }, body });
      await render();
      notify(saved);
    } catch (problem) {
      if (problem instanceof ApiProblem && problem.status === 412) {
        await render();
        notify(t('registry.changed'), 'warning');
        return;
      }
      showProblem(form, problem);
    }
  }

  await render();
};
