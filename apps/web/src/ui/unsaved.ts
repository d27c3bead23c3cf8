import { t } from '../i18n/i18n.js';
import { confirmIrreversible } from './confirm.js';
import { h } from './h.js';

/**
 * A form whose changes would be lost if the user left before saving it (attendance ticked, an answer typed): marked
 * at its first change. Its page replaces it once it is saved, and a form no longer on the page is not asked about.
 */
export function keepUnsaved<F extends HTMLFormElement>(form: F): F {
  form.addEventListener('input', () => markUnsaved(form));
  form.addEventListener('change', () => markUnsaved(form));
  return form;
}

/** For a change made by the page's own controls ("Tick all"), which fires no event. */
export const markUnsaved = (form: HTMLFormElement) => form.setAttribute('data-unsaved', '');

const unsavedForm = () => document.querySelector('main form[data-unsaved]');

/** The question on screen, if one is: Back pressed again while it is open is answered by it too. */
let asking: Promise<boolean> | undefined;

/** Whether the user may leave the page: nothing on it is unsaved, or they chose to leave it unsaved. */
export async function mayLeave(): Promise<boolean> {
  if (!unsavedForm()) return true;
  asking ??= confirmIrreversible({ title: t('unsaved.title'), body: [h('p', null, t('unsaved.body'))], confirm: t('unsaved.leave') });
  try {
    return await asking;
  } finally {
    asking = undefined;
  }
}

/** Reloading, closing the tab or leaving the app with something unsaved: the browser asks, in its own words. */
export function askBeforeUnloadingUnsaved(): void {
  window.addEventListener('beforeunload', (event) => {
    if (!unsavedForm()) return;
    event.preventDefault();
    event.returnValue = ''; // What older browsers (and Android's WebView) still look for.
  });
}
