import { DEFAULT_LOCALE, type Locale } from '@near/common';

export const DOCUMENT_KINDS = ['acknowledgement', 'decision-record', 'certificate', 'minutes'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * The languages an application's documents are made in: English, and the application's own when it is
 * another. A certificate is one document with both side by side, kept under the application's language.
 */
export function languagesOf(kind: Exclude<DocumentKind, 'minutes'>, applicationLocale: Locale): Locale[] {
  if (kind === 'certificate') return [applicationLocale];
  return applicationLocale === DEFAULT_LOCALE ? [DEFAULT_LOCALE] : [DEFAULT_LOCALE, applicationLocale];
}
