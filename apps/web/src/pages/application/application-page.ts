import { api } from '../../api/client.js';
import type { Application } from '../../api/types.js';
import { formatDate, formatDateTime, t, tDynamic } from '../../i18n/i18n.js';
import type { Page } from '../../router.js';
import { h, replace } from '../../ui/h.js';
import { definitionList, governmentName, pageTitle, sessionName, stateBadge } from '../../ui/widgets.js';
import { actionsSection, withdrawalSection } from './action-forms.js';
import { attachmentsSection, fetchAttachments } from './attachments-section.js';
import { eligibilitySection } from './eligibility-section.js';
import { documentsSection } from './documents-section.js';
import { letterSection } from './letter-section.js';
import { messagesSection } from './messages-section.js';
import { reaction } from './reaction.js';
import { resultSection } from './result-section.js';
import { timelineSection } from './timeline-section.js';

/** One application, for whoever may see it: what it is, where it stands, and what the caller can do now. */
export const applicationPage: Page = async ({ main, params, signIn, onLeave }) => {
  const [id] = params;
  const role = signIn.user.role;
  let cleanups: (() => void)[] = [];
  const stopTimers = () => {
    cleanups.forEach((cleanup) => cleanup());
    cleanups = [];
  };
  onLeave(stopTimers);
  const react = reaction(async () => {
    stopTimers();
    await render();
  });

  async function render(): Promise<void> {
    const application = await api<Application>(`/applications/${id}`);
    const [result, actions, withdrawal, timeline, documents, attachments] = await Promise.all([
      resultSection(application, (cleanup) => cleanups.push(cleanup)),
      actionsSection(application, react),
      withdrawalSection(application, react),
      role === 'delegate' ? null : timelineSection(application),
      documentsSection(application, (cleanup) => cleanups.push(cleanup)),
      fetchAttachments(application),
    ]);
    // Delegates read the review too: it is part of the dossier they decide on.
    const eligibility = eligibilitySection(application, role === 'secretariat', react);
    const reviewing = role === 'secretariat' && actions !== null && eligibility !== null;
    const focused = document.activeElement?.id;
    replace(
      main,
      pageTitle(t('application.title', { reference: application.reference }), ' ', stateBadge(application.state)),
      h('p', { id: 'conflict-banner', class: 'conflict', role: 'alert' }),
      h('p', { class: 'lead' }, governmentName(application.government), ' · ', tDynamic('category', application.category)),
      result,
      application.state === 'ineligible' && application.ineligibilityReasons
        ? h('p', { class: 'warning' }, t('application.ineligibleBecause', { reasons: application.ineligibilityReasons }))
        : null,
      application.state === 'withdrawn' && application.withdrawalReason
        ? h('p', null, t('application.withdrawnBecause', { reason: application.withdrawalReason }))
        : null,
      // The Secretariat reviews with the checklist beside the actions (above them on a phone: record, then decide).
      reviewing ? h('div', { class: 'review' }, eligibility, actions) : actions,
      messagesSection(application, attachments),
      definitionList([
        [t('application.submitted'), formatDateTime(application.submittedAt)],
        [t('file.headOfGovernment'), application.headOfGovernment],
        [
          t('file.contact'),
          `${application.contact.name} <${application.contact.email}>${application.contact.phone ? ` · ${application.contact.phone}` : ''}`,
        ],
        [
          t('application.session'),
          application.session
            ? sessionName(application.session) + (application.session.startsOn ? ` · ${formatDate(application.session.startsOn)}` : '')
            : null,
        ],
        [t('file.statement'), application.statementOfPurpose],
      ]),
      reviewing ? null : eligibility,
      letterSection(application, role === 'applicant', react),
      attachmentsSection(application, attachments, role === 'applicant', react),
      documents,
      withdrawal,
      timeline,
    );
    const again = focused ? document.getElementById(focused) : null;
    if (again) again.focus();
    else if (!main.contains(document.activeElement)) main.querySelector('h1')?.focus();
  }

  await render();
};
