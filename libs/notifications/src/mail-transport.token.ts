/** The MailTransport the worker sends with (SMTP when SMTP_URL is set, else .eml files under MAIL_DIR). */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
