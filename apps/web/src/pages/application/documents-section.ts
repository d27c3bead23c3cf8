import { api } from '../../api/client.js';
import type { Application, OfficialDocument } from '../../api/types.js';
import { formatDateTime, languageName, t, tDynamic } from '../../i18n/i18n.js';
import { h } from '../../ui/h.js';
import { downloadAs } from '../../ui/save-file.js';
import { dataTable } from '../../ui/widgets.js';

async function download(application: Application, item: OfficialDocument): Promise<void> {
  await downloadAs(`/documents/${item.id}`, `${application.reference}-${item.kind}-${item.language}.pdf`);
}

/** The application's official documents as PDF, and where anyone can check them; nothing while there are none. */
export async function documentsSection(application: Application): Promise<HTMLElement | null> {
  const documents = await api<OfficialDocument[]>(`/applications/${application.id}/documents`);
  if (documents.length === 0) return null;
  const decided = documents.some((item) => item.kind === 'decision-record');
  return h(
    'section',
    { 'aria-labelledby': 'documents-title' },
    h('h2', { id: 'documents-title' }, t('documents.title')),
    decided
      ? h(
          'p',
          null,
          t('documents.checkAt'),
          ' ',
          h('a', { href: `/verify/${application.reference}` }, `${location.origin}/verify/${application.reference}`),
        )
      : null,
    dataTable(
      t('documents.title'),
      [t('verify.kind'), t('verify.language'), t('verify.made'), ''],
      h(
        'tbody',
        null,
        documents.map((item) =>
          h(
            'tr',
            null,
            h('td', null, tDynamic('document', item.kind)),
            h('td', null, languageName(item.language)),
            h('td', null, formatDateTime(item.createdAt)),
            h(
              'td',
              null,
              h(
                'button',
                {
                  type: 'button',
                  class: 'link-button',
                  'aria-label': t('documents.downloadNamed', {
                    kind: tDynamic('document', item.kind),
                    language: languageName(item.language),
                  }),
                  onclick: () => void download(application, item),
                },
                t('documents.download'),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
