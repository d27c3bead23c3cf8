import { api, authorization } from '../../api/client.js';
import { ApiProblem } from '../../api/problem.js';
import type { CalendarLink } from '../../api/types.js';
import { t } from '../../i18n/i18n.js';
import { confirmIrreversible } from '../../ui/confirm.js';
import { h, replace, uid } from '../../ui/h.js';
import { notify } from '../../ui/notice.js';
import { saveFile } from '../../ui/save-file.js';
import { clearProblems, showProblem } from '../../ui/problems.js';

const FILE_NAME = 'near-sessions.ics';

/** Saves GET /calendar.ics (the sessions the user may see) as a file their calendar application imports once. */
async function downloadCalendar(): Promise<void> {
  let response: Response;
  try {
    response = await fetch('/calendar.ics', { headers: { Accept: 'text/calendar', ...authorization() } });
  } catch {
    throw ApiProblem.offline();
  }
  if (!response.ok) throw await ApiProblem.fromResponse(response);
  saveFile(await response.blob(), FILE_NAME);
}

/** Copies to the clipboard; where the browser refuses (no permission, an old phone), selects the text for the user to copy. */
async function copy(input: HTMLInputElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(input.value);
    notify(t('calendar.copied'));
  } catch {
    input.focus();
    input.select();
    notify(t('calendar.copySelected'));
  }
}

/**
 * "Add to calendar": the sessions as a file to import once, or a secret feed address a calendar application
 * follows. The API shows an address only when it issues one, so the page never shows an old one: asking again
 * replaces it, and stopping works also for an address given in an earlier visit.
 */
export function calendarSection(): HTMLElement {
  const section = h('section', { id: 'calendar', 'aria-labelledby': 'calendar-title' });
  const subscribe = h('div', { class: 'calendar-subscribe' });

  const act = async (button: HTMLButtonElement, work: () => Promise<void>) => {
    clearProblems(section);
    button.disabled = true;
    try {
      await work();
    } catch (problem) {
      showProblem(section, problem);
    } finally {
      button.disabled = false;
    }
  };

  const renderSubscribe = (url: string | null) => {
    const ask: HTMLButtonElement = h(
      'button',
      {
        type: 'button',
        onclick: () =>
          act(ask, async () => {
            const link = await api<CalendarLink>('/auth/calendar-link');
            renderSubscribe(link.url);
            subscribe.querySelector('input')?.focus();
          }),
      },
      url ? t('calendar.newAddress') : t('calendar.getAddress'),
    );
    const stop: HTMLButtonElement = h(
      'button',
      {
        type: 'button',
        onclick: () =>
          act(stop, async () => {
            const sure = await confirmIrreversible({
              title: t('calendar.stopConfirmTitle'),
              body: [h('p', null, t('calendar.stopConfirmBody'))],
              confirm: t('calendar.stopConfirm'),
            });
            if (!sure) return;
            await api('/auth/calendar-link', { method: 'DELETE' });
            renderSubscribe(null);
            notify(t('calendar.stopped'));
            ask.focus();
          }),
      },
      url ? t('calendar.stop') : t('calendar.stopEarlier'),
    );
    const inputId = uid('calendar-address');
    const input: HTMLInputElement | null = url
      ? h('input', { id: inputId, type: 'text', readonly: true, value: url, class: 'calendar-address', spellcheck: 'false' })
      : null;
    replace(
      subscribe,
      input
        ? h(
            'div',
            { class: 'field' },
            h('label', { for: inputId }, t('calendar.addressLabel')),
            input,
            h(
              'div',
              { class: 'button-row' },
              h('button', { type: 'button', class: 'primary', onclick: () => copy(input) }, t('calendar.copy')),
            ),
          )
        : null,
      h('div', { class: 'button-row' }, ask, stop),
    );
  };
  renderSubscribe(null);

  const download: HTMLButtonElement = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      onclick: () =>
        act(download, async () => {
          await downloadCalendar();
          notify(t('calendar.downloaded'));
        }),
    },
    t('calendar.download'),
  );
  replace(
    section,
    h('h2', { id: 'calendar-title' }, t('calendar.title')),
    h('p', null, t('calendar.intro')),
    h('h3', null, t('calendar.downloadTitle')),
    h('p', null, t('calendar.downloadHint')),
    h('div', { class: 'button-row' }, download),
    h('h3', null, t('calendar.subscribeTitle')),
    h('p', null, t('calendar.subscribeIntro')),
    h('p', { class: 'notice notice-warning' }, t('calendar.secret')),
    subscribe,
  );
  return section;
}
