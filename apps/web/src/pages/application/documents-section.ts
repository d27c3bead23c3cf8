import { api } from '../../api/client.js';
import { ApiProblem } from '../../api/problem.js';
import type { Application, OfficialDocument } from '../../api/types.js';
import { formatDateTime, languageName, t, tDynamic } from '../../i18n/i18n.js';
import { h, replace } from '../../ui/h.js';
import { downloadAs } from '../../ui/save-file.js';
import { dataTable } from '../../ui/widgets.js';

async function download(application: Application, item: OfficialDocument): Promise<void> {
  await downloadAs(`/documents/${item.id}`, `${application.reference}-${item.kind}-${item.language}.pdf`);
}

/** States that a ballot decides: their decision record, and an approval's certificate, follow within seconds. */
const DECIDED_BY_BALLOT = new Set(['approved', 'rejected']);
const PREPARING_POLL_MS = 3000;
/** Long past what the worker takes: by then something is wrong, and the page stops asking. */
const PREPARING_GIVE_UP_MS = 120_000;

/**
 * The application's official documents as PDF, and where anyone can check them; nothing while there are none. The
 * worker makes a decision's documents once the decision is in a signed checkpoint, a few seconds after it: until
 * then the section says they are coming, and looks again.
 */
export async function documentsSection(application: Application, onLeave: (cleanup: () => void) => void): Promise<HTMLElement | null> {
  const status = h('p', { role: 'status', class: 'hint' });
  const checkAt = h('div');
  const list = h('div');
  let listed = '';
  const show = async (): Promise<boolean> => {
    const documents = await api<OfficialDocument[]>(`/applications/${application.id}/documents`);
    const made = (kind: string) => documents.some((item) => item.kind === kind);
    const recorded = made('decision-record');
    const preparing = DECIDED_BY_BALLOT.has(application.state) && (!recorded || (application.state === 'approved' && !made('certificate')));
    // Drawn again only when the list changed, so that focus on a Download button stays where it is.
    const ids = documents.map((item) => item.id).join();
    if (ids !== listed) {
      listed = ids;
      replace(list, documents.length > 0 ? documentsTable(application, documents) : null);
      replace(
        checkAt,
        recorded
          ? h(
              'p',
              null,
              t('documents.checkAt'),
              ' ',
              h('a', { href: `/verify/${application.reference}` }, `${location.origin}/verify/${application.reference}`),
            )
          : null,
      );
    }
    replace(status, preparing ? t('documents.preparing') : '');
    return preparing;
  };
  const preparing = await show();
  if (listed === '' && !preparing) return null;
  if (preparing) {
    const since = Date.now();
    const timer = window.setInterval(() => {
      if (Date.now() - since > PREPARING_GIVE_UP_MS) {
        window.clearInterval(timer);
        replace(status, t('documents.notYet'));
        return;
      }
      show().then(
        (still) => still || window.clearInterval(timer),
        // A refusal will not change by asking again; a failure of the server or the network may.
        (problem: unknown) => problem instanceof ApiProblem && problem.status < 500 && window.clearInterval(timer),
      );
    }, PREPARING_POLL_MS);
    onLeave(() => window.clearInterval(timer));
  }
  return h(
    'section',
    { 'aria-labelledby': 'documents-title' },
    h('h2', { id: 'documents-title' }, t('documents.title')),
    checkAt,
    status,
    list,
  );
}

function documentsTable(application: Application, documents: OfficialDocument[]): HTMLElement {
  return dataTable(
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
  );
}
