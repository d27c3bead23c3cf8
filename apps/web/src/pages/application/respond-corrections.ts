import type { Application } from '../../api/types.js';
import { t } from '../../i18n/i18n.js';
import { contactFields } from '../../ui/contact-fields.js';
import { h } from '../../ui/h.js';
import { field } from '../../ui/widgets.js';

/**
 * The part of the answer to an information request that corrects the application itself (the API's `respond`
 * takes the corrected fields beside the message). Pre-filled with what is on file; only what changed is sent.
 */
export function respondCorrections(application: Application): { element: HTMLElement; changes: () => Record<string, unknown> } {
  const headOfGovernment = h('input', { name: 'headOfGovernment', value: application.headOfGovernment, maxlength: 200 });
  const statementOfPurpose = h('textarea', { name: 'statementOfPurpose', rows: 4, maxlength: 20000 });
  statementOfPurpose.value = application.statementOfPurpose;
  const contactInputs = contactFields({ required: false, initial: application.contact });

  const element = h(
    'details',
    { class: 'corrections' },
    h('summary', null, t('respond.corrections')),
    h('p', { class: 'hint' }, t('respond.correctionsHint')),
    field(t('file.headOfGovernment'), headOfGovernment),
    field(t('file.statement'), statementOfPurpose),
    contactInputs.fieldset,
  );

  function changes(): Record<string, unknown> {
    const changed: Record<string, unknown> = {};
    if (headOfGovernment.value !== application.headOfGovernment) changed.headOfGovernment = headOfGovernment.value;
    if (statementOfPurpose.value !== application.statementOfPurpose) changed.statementOfPurpose = statementOfPurpose.value;
    const contact = { name: contactInputs.name.value, email: contactInputs.email.value, phone: contactInputs.phone.value || null };
    const { name, email, phone } = application.contact;
    // The API takes the contact whole.
    if (contact.name !== name || contact.email !== email || contact.phone !== (phone ?? null)) {
      changed.contact = contact.phone === null ? { name: contact.name, email: contact.email } : contact;
    }
    return changed;
  }
  return { element, changes };
}
