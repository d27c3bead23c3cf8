/** The six countries whose regional governments may be full members (docs/domain.md, "Categories"). */
export const NEAR_COUNTRIES = ['CN', 'JP', 'KR', 'KP', 'MN', 'RU'] as const;
export type NearCountry = (typeof NEAR_COUNTRIES)[number];

// Countries of one time zone, so a government's is known from its country. Russia and Mongolia span several:
// there the Secretariat gives it.
const ONE_ZONE: Readonly<Record<string, string>> = {
  CN: 'Asia/Shanghai',
  JP: 'Asia/Tokyo',
  KR: 'Asia/Seoul',
  KP: 'Asia/Pyongyang',
};

/** The time zone of a government of this country when the country has only one, else null. */
export const timeZoneOfCountry = (country: string): string | null => ONE_ZONE[country] ?? null;

/**
 * The IANA time zone the text names, as Intl spells it (`asia/seoul` → `Asia/Seoul`), or null when it names none
 * (an offset such as `+09:00` is not a zone: it would be wrong half the year where clocks change).
 */
export function timeZoneNamed(text: string): string | null {
  if (!/^[A-Za-z]/.test(text)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
