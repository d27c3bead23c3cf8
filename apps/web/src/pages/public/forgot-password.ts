import { linkRequestPage } from './link-request.js';

/** Asks for a password reset link. */
export const forgotPasswordPage = linkRequestPage('/auth/password-reset', {
  title: 'forgot.title',
  intro: 'forgot.intro',
  email: 'forgot.email',
  submit: 'forgot.submit',
  sent: 'forgot.sent',
});
