/** The languages of NEAR's members: English (the common one), Korean, Japanese, Chinese, Russian, Mongolian. */
export const SUPPORTED_LOCALES = ['en', 'ko', 'ja', 'zh', 'ru', 'mn'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The language NEAR writes to a government of this country (ISO 3166-1 alpha-2) in: Korean for both Koreas. */
const LOCALE_OF_COUNTRY: Readonly<Record<string, Locale>> = { KR: 'ko', KP: 'ko', CN: 'zh', JP: 'ja', RU: 'ru', MN: 'mn' };

/**
 * The language of someone who has not chosen one: their government's, from its country, else English.
 * The one rule, used wherever a person's language is first set (a user created without a locale).
 */
export function localeOfCountry(country: string | null | undefined): Locale {
  return (country && LOCALE_OF_COUNTRY[country.toUpperCase()]) || DEFAULT_LOCALE;
}
