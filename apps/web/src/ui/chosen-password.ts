import { t } from '../i18n/i18n.js';
import { h } from './h.js';
import { field } from './widgets.js';

/** A password its owner chooses, with the rules said beside it; `name` is the API's field. */
export function chosenPasswordField(label: string, name: string): { control: HTMLInputElement; field: HTMLElement } {
  const control: HTMLInputElement = h('input', { name, type: 'password', required: true, autocomplete: 'new-password', maxlength: 200 });
  return { control, field: field(label, control, t('passwordRule.hint')) };
}
