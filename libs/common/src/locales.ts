/** The languages of NEAR's members: English (the common one), Korean, Japanese, Chinese, Russian, Mongolian. */
export const SUPPORTED_LOCALES = ['en', 'ko', 'ja', 'zh', 'ru', 'mn'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
