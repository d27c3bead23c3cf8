import type { Application, Attachment } from '../../api/types.js';
import { uploadAttachment } from '../../api/upload.js';
import { t } from '../../i18n/i18n.js';
import { h } from '../../ui/h.js';
import { field } from '../../ui/widgets.js';
import { attachmentInputs, fetchAttachments } from './attachments-section.js';
import { uploadProgress } from './letter-section.js';

/**
 * The documents an answer to a request for information sends: those attached since the last answer (ticked),
 * and one more chosen here, uploaded when the answer is sent.
 */
export async function respondAttachments(application: Application): Promise<{ element: HTMLElement; ids: () => Promise<string[]> }> {
  const unsent = (await fetchAttachments(application)).filter((attachment: Attachment) => attachment.sentAt === null);
  const boxes = unsent.map((attachment) => ({
    attachment,
    box: h('input', { type: 'checkbox', id: `send-${attachment.id}`, checked: true }),
  }));
  const inputs = attachmentInputs(false);
  const progress = uploadProgress();
  const element = h(
    'fieldset',
    { class: 'respond-attachments' },
    h('legend', null, t('attachments.withAnswer')),
    boxes.map(({ attachment, box }) => h('div', { class: 'choice' }, box, h('label', { for: box.id }, attachment.title))),
    field(t('attachments.title'), inputs.title),
    field(t('attachments.file'), inputs.file),
    progress.element,
  );
  // What this form uploaded already: an answer refused and sent again does not upload its document twice.
  let uploaded: { file: File; title: string; id: string } | undefined;
  async function ids(): Promise<string[]> {
    const chosen = boxes.filter(({ box }) => box.checked).map(({ attachment }) => attachment.id);
    const file = inputs.file.files?.[0];
    if (!file) return chosen;
    const title = inputs.title.value;
    if (uploaded?.file !== file || uploaded.title !== title) {
      progress.show();
      const added = await uploadAttachment<Attachment>(application.id, title, file, progress.update);
      uploaded = { file, title, id: added.id };
    }
    return [...chosen, uploaded.id];
  }
  return { element, ids };
}
