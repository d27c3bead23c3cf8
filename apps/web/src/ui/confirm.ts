import { t } from '../i18n/i18n.js';
import { h, type Child } from './h.js';

export interface Confirmation {
  /** The question, as the dialog's title: "Close the ballot?" */
  title: string;
  /** What will happen and the facts that matter, in sentences and lists. */
  body: Child[];
  /** The confirming button's words: "Yes, close the ballot". */
  confirm: string;
  /** Where focus goes back to when the dialog closes: the control that opened it (by default, the focused element). */
  returnFocusTo?: HTMLElement;
}

/**
 * Asks before what cannot be undone, in a modal `<dialog>`: the browser keeps focus inside it and Escape
 * cancels; focus starts on "Go back" (the safe choice) and returns to the control that opened it. Resolves
 * true when the user confirms.
 */
export function confirmIrreversible({ title, body, confirm, returnFocusTo }: Confirmation): Promise<boolean> {
  const opener = returnFocusTo ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
  const titleId = 'confirm-title';
  const bodyId = 'confirm-body';
  return new Promise((resolve) => {
    const cancel = h('button', { type: 'button', onclick: () => dialog.close('cancel') }, t('confirm.goBack'));
    const dialog: HTMLDialogElement = h(
      'dialog',
      { class: 'confirm', 'aria-labelledby': titleId, 'aria-describedby': bodyId },
      h('h2', { id: titleId }, title),
      h('div', { id: bodyId }, body),
      h(
        'div',
        { class: 'confirm-buttons' },
        cancel,
        h('button', { type: 'button', class: 'danger', onclick: () => dialog.close('confirm') }, confirm),
      ),
    );
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'confirm');
      // After the caller's form has enabled its buttons again (a disabled button takes no focus).
      window.setTimeout(() => {
        if (opener?.isConnected && !dialog.isConnected) opener.focus();
      });
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
