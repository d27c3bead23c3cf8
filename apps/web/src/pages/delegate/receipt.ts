import type { BallotReceipt } from '../../api/types.js';
import { t } from '../../i18n/i18n.js';
import { h } from '../../ui/h.js';

// The receipt of the delegate's last cast on each application, kept for this browser tab (sessionStorage: gone
// when the tab closes, so a shared computer keeps no choice), offered as a file to download.

const KEY = 'near.ballotReceipts';

function stored(): Record<string, BallotReceipt> {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Record<string, BallotReceipt>;
  } catch {
    return {};
  }
}

export function keepReceipt(applicationId: string, receipt: BallotReceipt): void {
  sessionStorage.setItem(KEY, JSON.stringify({ ...stored(), [applicationId]: receipt }));
}

export const keptReceipt = (applicationId: string): BallotReceipt | undefined => stored()[applicationId];

/** The sentence saying what a receipt is for, and the link that downloads it as a JSON file. */
export function receiptView(reference: string, receipt: BallotReceipt): HTMLElement {
  const file = new Blob([`${JSON.stringify(receipt, null, 2)}\n`], { type: 'application/json' });
  const name = `near-ballot-receipt-${reference.replace(/[^A-Za-z0-9-]/g, '-')}-${receipt.commitment.slice(0, 8)}.json`;
  return h(
    'div',
    { class: 'receipt' },
    h('p', null, t('receipt.purpose')),
    h('p', null, h('a', { href: URL.createObjectURL(file), download: name, class: 'button' }, t('receipt.download'))),
    h('p', { class: 'hint' }, h('a', { href: '/app/check-ballot' }, t('receipt.check'))),
  );
}
