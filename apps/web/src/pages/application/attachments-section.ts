import { api } from '../../api/client.js';
import type { Application, Attachment } from '../../api/types.js';
import { uploadAttachment } from '../../api/upload.js';
import { formatDateTime, t } from '../../i18n/i18n.js';
import { h } from '../../ui/h.js';
import { downloadAs } from '../../ui/save-file.js';
import { field, submit, whenSubmitted } from '../../ui/widgets.js';
import { letterInput, uploadProgress } from './letter-section.js';
import type { Reaction } from './reaction.js';

/** While the application is reviewed, its applicant attaches what a request for information asks for. */
export const ATTACHING_STATES = ['submitted', 'under_review', 'information_requested'];

export const fetchAttachments = (application: Application) => api<Attachment[]>(`/applications/${application.id}/attachments`);

async function downloadAttachment(application: Application, attachment: Attachment): Promise<void> {
  await downloadAs(`/applications/${application.id}/attachments/${attachment.id}`, attachment.fileName ?? 'attachment.pdf');
}

/** One line per document: its title, then what it is and a way to save it. */
export function attachmentItem(application: Application, attachment: Attachment): HTMLElement {
  const save = h(
    'button',
    { type: 'button', class: 'link-button', 'aria-label': t('attachments.downloadNamed', { title: attachment.title }) },
    t('letter.download'),
  );
  save.onclick = () => void downloadAttachment(application, attachment);
  return h(
    'li',
    null,
    h('strong', null, attachment.title),
    ' · ',
    t('attachments.stored', {
      name: attachment.fileName ?? 'attachment.pdf',
      size: Math.ceil(attachment.sizeBytes / 1024),
      date: formatDateTime(attachment.uploadedAt),
    }),
    ' ',
    save,
  );
}

/** Title and PDF of a document to attach: both required, or, when optional, both once either is filled. */
export function attachmentInputs(required: boolean) {
  const title = h('input', { name: 'title', maxlength: 200, required });
  const file = letterInput();
  file.required = required;
  const filled = () => title.value.trim() !== '' || (file.files?.length ?? 0) > 0;
  if (!required) {
    const requireBoth = () => {
      title.required = filled();
      file.required = filled();
    };
    title.addEventListener('input', requireBoth);
    file.addEventListener('change', requireBoth);
  }
  return { title, file, filled };
}

/** The application's supporting documents, beside its letter; its applicant adds them while it is reviewed. */
export function attachmentsSection(
  application: Application,
  attachments: Attachment[],
  canAdd: boolean,
  react: Reaction,
): HTMLElement | null {
  const adding = canAdd && ATTACHING_STATES.includes(application.state);
  if (attachments.length === 0 && !adding) return null;
  const list = h(
    'ul',
    { class: 'attachments' },
    attachments.map((attachment) => attachmentItem(application, attachment)),
  );
  let form: HTMLFormElement | null = null;
  if (adding) {
    const inputs = attachmentInputs(true);
    const progress = uploadProgress();
    form = h(
      'form',
      {
        class: 'attachment-form',
        onsubmit: whenSubmitted(async () => {
          progress.show();
          try {
            await uploadAttachment(application.id, inputs.title.value, inputs.file.files![0], progress.update);
            await react.done(t('attachments.added', { title: inputs.title.value }));
          } catch (problem) {
            progress.hide();
            await react.failed(form!, problem);
          }
        }),
      },
      field(t('attachments.title'), inputs.title),
      field(t('attachments.file'), inputs.file),
      progress.element,
      submit(t('attachments.add'), { class: 'secondary' }),
    );
  }
  return h(
    'section',
    { 'aria-labelledby': 'attachments-title' },
    h('h2', { id: 'attachments-title' }, t('attachments.heading')),
    attachments.length === 0 ? h('p', null, t('attachments.none')) : list,
    adding ? h('p', { class: 'hint' }, t('attachments.hint')) : null,
    form,
  );
}
