import { anyTranslation, currentLanguage } from '../../i18n/i18n.js';

/** NEAR's six countries first (members), then the rest of Asia (associate members), as ISO 3166-1 alpha-2. */
export const NEAR_COUNTRIES = ['CN', 'JP', 'KR', 'KP', 'MN', 'RU'];
const OTHER_ASIAN_COUNTRIES = [
  'AF',
  'AM',
  'AZ',
  'BD',
  'BH',
  'BN',
  'BT',
  'GE',
  'ID',
  'IN',
  'IQ',
  'IR',
  'JO',
  'KG',
  'KH',
  'KW',
  'KZ',
  'LA',
  'LB',
  'LK',
  'MM',
  'MV',
  'MY',
  'NP',
  'OM',
  'PH',
  'PK',
  'QA',
  'SA',
  'SG',
  'SY',
  'TH',
  'TJ',
  'TL',
  'TM',
  'TR',
  'AE',
  'UZ',
  'VN',
  'YE',
];

/**
 * The country's name in the reader's language: NEAR's six by their official names from the language files ("Republic
 * of Korea", not the "South Korea" of the browser's `Intl`), the others from `Intl`, or from the language file where a
 * browser has no data for the language (Chromium has none for Mongolian).
 */
export function countryName(code: string): string {
  const own = anyTranslation(`country.${code}`);
  if (own) return own;
  try {
    return new Intl.DisplayNames([currentLanguage()], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** NEAR's countries, then the other Asian countries in the reader's alphabetical order. */
export function countryChoices(): { code: string; name: string }[] {
  const others = OTHER_ASIAN_COUNTRIES.map((code) => ({ code, name: countryName(code) }));
  others.sort((a, b) => a.name.localeCompare(b.name, currentLanguage()));
  return [...NEAR_COUNTRIES.map((code) => ({ code, name: countryName(code) })), ...others];
}
