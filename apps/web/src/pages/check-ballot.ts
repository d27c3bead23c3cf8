import { formatDateTime, t } from '../i18n/i18n.js';
import { h, replace } from '../ui/h.js';
import { field, pageTitle, submit, whenSubmitted } from '../ui/widgets.js';
import { type ReceiptVerdict, checkReceipt } from '../verify/check-receipt.js';
import { parseReceipt } from '../verify/commitment.js';

/** What the check found, in words: one headline and what it rests on. */
function verdictView(verdict: ReceiptVerdict): HTMLElement {
  const good = verdict.kind === 'counted' || verdict.kind === 'recorded';
  const lines: string[] = [];
  switch (verdict.kind) {
    case 'altered':
      lines.push(t('check.altered'));
      break;
    case 'not-found':
      lines.push(t('check.notFound'));
      break;
    case 'invalid':
      lines.push(t('check.invalid'), verdict.why);
      break;
    case 'recorded':
      lines.push(t('check.recorded'), t('check.castAt', { when: formatDateTime(verdict.castAt), leaf: String(verdict.leaf) }));
      break;
    case 'counted':
      lines.push(t('check.counted'), t('check.castAt', { when: formatDateTime(verdict.castAt), leaf: String(verdict.leaf) }));
      break;
    case 'superseded':
      lines.push(
        t('check.superseded', { when: formatDateTime(verdict.laterAt), leaf: String(verdict.laterLeaf) }),
        t('check.castAt', { when: formatDateTime(verdict.castAt), leaf: String(verdict.leaf) }),
        t('check.laterCommitment', { commitment: verdict.laterCommitment }),
      );
      break;
  }
  const [headline, ...rest] = lines;
  return h(
    'div',
    { class: `card check-verdict ${good ? 'check-good' : 'check-bad'}`, role: 'status' },
    h('p', { class: 'check-headline' }, headline),
    rest.map((line) => h('p', { class: 'check-detail' }, line)),
  );
}

/**
 * "Check my ballot", for anyone holding a ballot receipt, signed in or not: the receipt file is read in the
 * browser and checked against the public log (docs/voting.md); it is never sent anywhere but its commitment.
 */
export async function checkBallotPage(main: HTMLElement): Promise<void> {
  const file = h('input', { name: 'receipt', type: 'file', accept: '.json,application/json', required: true });
  const outcome = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    {
      class: 'card narrow',
      onsubmit: whenSubmitted(async () => {
        const chosen = file.files?.[0];
        const receipt = chosen ? parseReceipt(await chosen.text()) : undefined;
        if (!receipt) {
          replace(outcome, h('p', { class: 'form-error', role: 'alert' }, t('check.notAReceipt')));
          return;
        }
        try {
          replace(outcome, verdictView(await checkReceipt(receipt)));
        } catch {
          replace(outcome, h('p', { class: 'form-error', role: 'alert' }, t('problem.offline')));
        }
      }),
    },
    field(t('check.file'), file, t('check.fileHint')),
    submit(t('check.submit'), { class: 'primary' }),
  );
  replace(main, pageTitle(t('check.title')), h('p', null, t('check.intro')), form, outcome);
}
