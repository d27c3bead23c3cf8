import type { Application } from '../../api/types.js';
import { uploadLetter } from '../../api/upload.js';
import { formatDateTime, t } from '../../i18n/i18n.js';
import { h } from '../../ui/h.js';
import { downloadAs } from '../../ui/save-file.js';
import { field, submit, whenSubmitted } from '../../ui/widgets.js';
import type { Reaction } from './reaction.js';

const LETTER_STATES = ['submitted', 'information_requested'];

export const letterInput = () => h('input', { name: 'file', type: 'file', accept: 'application/pdf,.pdf', required: true });

/** A progress bar that appears when the upload starts and says how far it got, in words too. */
export function uploadProgress() {
  const bar = h('progress', { max: 100, value: 0, 'aria-label': t('letter.progress') });
  const words = h('span', null);
  const element = h('div', { class: 'upload-progress', hidden: true }, bar, ' ', words);
  return {
    element,
    show: () => element.removeAttribute('hidden'),
    hide: () => element.setAttribute('hidden', ''),
    update: (fraction: number) => {
      const percent = Math.round(fraction * 100);
      bar.value = percent;
      words.textContent = t('letter.percent', { percent });
    },
  };
}

async function download(application: Application): Promise<void> {
  await downloadAs(`/applications/${application.id}/letter`, application.letter?.fileName ?? 'letter.pdf');
}

export function letterSection(application: Application, canUpload: boolean, react: Reaction): HTMLElement {
  const letter = application.letter;
  const section = h(
    'section',
    { 'aria-labelledby': 'letter-title' },
    h('h2', { id: 'letter-title' }, t('letter.title')),
    letter
      ? h(
          'p',
          null,
          t('letter.stored', {
            name: letter.fileName ?? 'letter.pdf',
            size: Math.ceil(letter.sizeBytes / 1024),
            date: formatDateTime(letter.uploadedAt),
          }),
          ' ',
          h('button', { type: 'button', class: 'link-button', onclick: () => void download(application) }, t('letter.download')),
        )
      : h('p', { class: 'warning' }, t('letter.missing')),
  );
  if (canUpload && LETTER_STATES.includes(application.state)) {
    const input = letterInput();
    const progress = uploadProgress();
    const form: HTMLFormElement = h(
      'form',
      {
        onsubmit: whenSubmitted(async () => {
          try {
            progress.show();
            await uploadLetter(application.id, input.files![0], progress.update);
            await react.done(t('letter.uploaded'));
          } catch (problem) {
            await react.failed(form, problem);
          }
        }),
      },
      field(letter ? t('letter.replace') : t('letter.file'), input, t('letter.hint')),
      progress.element,
      submit(t('letter.upload')),
    );
    section.append(form);
  }
  return section;
}
