import { api } from '../../api/client.js';
import type { GovernmentDetail } from '../../api/types.js';
import { formatDate, t } from '../../i18n/i18n.js';
import type { Page } from '../../router.js';
import { h, replace } from '../../ui/h.js';
import { notify } from '../../ui/notice.js';
import { showProblem } from '../../ui/problems.js';
import { definitionList, field, governmentName, pageTitle, submit, whenSubmitted } from '../../ui/widgets.js';

/** One member: its fee standing and why it may or may not vote; the Secretariat records a payment here. */
export const memberPage: Page = async ({ main, params }) => {
  const [id] = params;
  async function render(): Promise<void> {
    const member = await api<GovernmentDetail>(`/governments/${id}`);
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
    replace(
      main,
      pageTitle(member.nameEn),
      h('p', { class: 'lead' }, governmentName(member)),
      definitionList([
        [t('members.country'), member.country],
        [t('members.since'), formatDate(member.memberSince)],
        [t('members.vote'), member.mayVote ? t('members.mayVote') : t('members.noVote')],
        [t('members.reason'), member.mayVoteReason],
        [t('members.paidYears'), member.fees.paidYears.join(', ') || '—'],
        [t('members.owedYears'), member.fees.owedYears.join(', ') || '—'],
      ]),
      form,
    );
  }
  await render();
};
