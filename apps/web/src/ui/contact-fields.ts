import { t } from '../i18n/i18n.js';
import { h } from './h.js';
import { field } from './widgets.js';

/** The contact officer's name, e-mail and telephone, named as the API names them (`contact.*`). */
export function contactFields(options: { required: boolean; initial?: { name: string; email: string; phone: string | null } }) {
  const { required, initial } = options;
  const name = h('input', { name: 'contact.name', required, maxlength: 200, autocomplete: 'name', value: initial?.name });
  const email = h('input', { name: 'contact.email', type: 'email', required, autocomplete: 'email', value: initial?.email });
  const phone = h('input', { name: 'contact.phone', type: 'tel', autocomplete: 'tel', value: initial?.phone ?? undefined });
  const fieldset = h(
    'fieldset',
    null,
    h('legend', null, t('file.contact')),
    field(t('file.contactName'), name),
    field(t('file.contactEmail'), email),
    field(t('file.contactPhone'), phone),
  );
  return { fieldset, name, email, phone };
}
