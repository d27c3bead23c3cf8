import Bowser from 'bowser';
import { api } from '../../api/client.js';
import type { SignInSession } from '../../api/types.js';
import { formatDateTime, t } from '../../i18n/i18n.js';
import { confirmIrreversible } from '../../ui/confirm.js';
import { h, replace } from '../../ui/h.js';
import { notify } from '../../ui/notice.js';
import { showProblem } from '../../ui/problems.js';
import { dataTable } from '../../ui/widgets.js';

/** Where the user is signed in (browser, address, since when, last renewed), and ending one of them. */
export async function sessionsSection(): Promise<HTMLElement> {
  const section = h('section', { 'aria-labelledby': 'sessions-title' });
  const render = async () => {
    const sessions = await api<SignInSession[]>('/auth/sessions');
    const rows = h(
      'tbody',
      null,
      sessions.map((session) =>
        h(
          'tr',
          null,
          h('td', null, browserOf(session.userAgent), session.current ? [' ', h('strong', null, t('account.thisOne'))] : null),
          h('td', null, session.clientAddress ?? ''),
          h('td', null, formatDateTime(session.createdAt)),
          h('td', null, formatDateTime(session.lastUsedAt)),
          h(
            'td',
            null,
            session.current
              ? null
              : h(
                  'button',
                  {
                    type: 'button',
                    'aria-label': `${t('account.end')}: ${browserOf(session.userAgent)}, ${formatDateTime(session.createdAt)}`,
                    onclick: async () => {
                      const sure = await confirmIrreversible({
                        title: t('account.endConfirmTitle'),
                        body: [h('p', null, t('account.endConfirmBody'))],
                        confirm: t('account.endConfirm'),
                      });
                      if (!sure) return;
                      try {
                        await api(`/auth/sessions/${encodeURIComponent(session.id)}`, { method: 'DELETE' });
                        notify(t('account.ended'));
                        await render();
                      } catch (problem) {
                        showProblem(section, problem);
                      }
                    },
                  },
                  t('account.end'),
                ),
          ),
        ),
      ),
    );
    replace(
      section,
      h('h2', { id: 'sessions-title' }, t('account.sessions')),
      h('p', null, t('account.sessionsIntro')),
      dataTable(
        t('account.sessions'),
        [t('account.browser'), t('account.address'), t('account.signedInAt'), t('account.lastUsed'), t('account.actions')],
        rows,
      ),
    );
  };
  await render();
  return section;
}

/** A browser as its user knows it ("Chrome 131 on Android"), not the string it sends ("Mozilla/5.0 (Linux; …"). */
function browserOf(userAgent: string | null | undefined): string {
  const parser = userAgent ? Bowser.getParser(userAgent) : undefined;
  const name = parser?.getBrowserName();
  if (!parser || !name) return t('account.unknownBrowser');
  const major = parser.getBrowserVersion()?.split('.')[0];
  const browser = major ? `${name} ${major}` : name;
  const system = parser.getOSName();
  return system ? t('account.browserOn', { browser, system }) : browser;
}
