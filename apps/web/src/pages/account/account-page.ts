import { api } from '../../api/client.js';
import { renewSignIn } from '../../api/session-keeper.js';
import { currentSignIn } from '../../api/sign-in-store.js';
import type { Me } from '../../api/types.js';
import type { Page } from '../../router.js';
import { t } from '../../i18n/i18n.js';
import { h, replace } from '../../ui/h.js';
import { pageTitle } from '../../ui/widgets.js';
import { calendarSection } from './calendar-section.js';
import { secondFactorSection } from './second-factor-section.js';
import { sessionsSection } from './sessions-section.js';

/**
 * The user's own account: two-step sign-in, where they are signed in, and the sessions in their calendar. For a role that must sign in with a
 * second factor and has none yet, this is the only page (the API answers nothing else until enrolment is done).
 */
export const accountPage: Page = async ({ main }) => {
  const mustEnrol = currentSignIn()?.mustEnrolSecondFactor ?? false;
  const enrolled = mustEnrol ? false : await hasSecondFactor();
  const secondFactor = secondFactorSection(enrolled, (nowEnrolled) => {
    if (mustEnrol && nowEnrolled) {
      // Enrolled: the same session now serves everything. A renewal brings the sign-in up to date; then the app starts afresh.
      void renewSignIn().then(() => location.assign('/app/'));
      return;
    }
    secondFactor.replaceWith(secondFactorSection(nowEnrolled, () => location.reload()));
  });
  replace(
    main,
    pageTitle(t('account.title')),
    mustEnrol ? h('p', { class: 'notice notice-warning', role: 'alert' }, t('account.mustEnrol')) : null,
    secondFactor,
    mustEnrol ? null : await sessionsSection(),
    mustEnrol ? null : calendarSection(),
  );
};

async function hasSecondFactor(): Promise<boolean> {
  return (await api<Me>('/auth/me')).secondFactor === true;
}
