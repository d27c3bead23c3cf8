import type { PublicRoute, Route } from './router.js';

/** Reached by an e-mailed link, or before signing in. */
export const PUBLIC_ROUTES: PublicRoute[] = [
  {
    path: /^\/invitation\/([A-Za-z0-9._-]{1,256})$/,
    page: async () => (await import('./pages/public/accept-invitation.js')).acceptInvitationPage,
  },
  {
    path: /^\/password-reset\/([A-Za-z0-9._-]{1,256})$/,
    page: async () => (await import('./pages/public/reset-password.js')).resetPasswordPage,
  },
  {
    path: /^\/unlock\/([A-Za-z0-9._-]{1,256})$/,
    page: async () => (await import('./pages/public/unlock.js')).unlockPage,
  },
  // The public record of a decision, at the address printed on its certificate (also served at /verify/…).
  {
    path: /^\/verify\/([Nn][Ee][Aa][Rr]-[0-9]{4}-[0-9]{4,9})$/,
    page: async () => (await import('./pages/public/verify-decision.js')).verifyDecisionPage,
  },
  { path: /^\/unlock$/, page: async () => (await import('./pages/public/unlock.js')).requestUnlockPage },
  { path: /^\/forgot-password$/, page: async () => (await import('./pages/public/forgot-password.js')).forgotPasswordPage },
];

// Pages load on demand: a delegate on a phone never downloads the Secretariat's screens.
export const ROUTES: Route[] = [
  { path: /^\/$/, roles: ['applicant'], page: async () => (await import('./pages/applicant/my-applications.js')).myApplicationsPage },
  { path: /^\/$/, roles: ['secretariat'], page: async () => (await import('./pages/secretariat/work-queue.js')).workQueuePage },
  { path: /^\/$/, roles: ['delegate'], page: async () => (await import('./pages/delegate/agenda.js')).delegateAgendaPage },
  { path: /^\/$/, roles: ['admin'], page: async () => (await import('./pages/admin/users.js')).usersPage },
  { path: /^\/users$/, roles: ['admin', 'secretariat'], page: async () => (await import('./pages/admin/users.js')).usersPage },
  {
    path: /^\/users\/([0-9a-f-]{36})$/,
    roles: ['admin', 'secretariat'],
    page: async () => (await import('./pages/admin/user-edit.js')).userEditPage,
  },
  {
    path: /^\/account\/password$/,
    roles: ['applicant', 'secretariat', 'delegate', 'admin'],
    page: async () => (await import('./pages/account/change-password.js')).changePasswordPage,
  },
  {
    path: /^\/account$/,
    roles: ['applicant', 'secretariat', 'delegate', 'admin'],
    page: async () => (await import('./pages/account/account-page.js')).accountPage,
  },
  {
    path: /^\/applications\/new$/,
    roles: ['applicant'],
    page: async () => (await import('./pages/applicant/file-application.js')).fileApplicationPage,
  },
  {
    path: /^\/applications\/([0-9a-f-]{36})$/,
    roles: ['applicant', 'secretariat', 'delegate'],
    page: async () => (await import('./pages/application/application-page.js')).applicationPage,
  },
  { path: /^\/sessions$/, roles: ['secretariat'], page: async () => (await import('./pages/secretariat/sessions.js')).sessionsPage },
  {
    path: /^\/sessions\/([0-9a-f-]{36})$/,
    roles: ['secretariat'],
    page: async () => (await import('./pages/secretariat/session.js')).sessionPage,
  },
  {
    path: /^\/notifications$/,
    roles: ['secretariat'],
    page: async () => (await import('./pages/secretariat/notifications.js')).notificationsPage,
  },
  { path: /^\/audit$/, roles: ['secretariat'], page: async () => (await import('./pages/secretariat/audit.js')).auditPage },
  { path: /^\/members$/, roles: ['secretariat'], page: async () => (await import('./pages/secretariat/members.js')).membersPage },
  {
    path: /^\/members\/([0-9a-f-]{36})$/,
    roles: ['secretariat'],
    page: async () => (await import('./pages/secretariat/member.js')).memberPage,
  },
];
