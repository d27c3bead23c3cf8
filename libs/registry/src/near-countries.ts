/** The six countries whose regional governments may be full members (DOMAIN.md, charter art. 4). */
export const NEAR_COUNTRIES = ['CN', 'JP', 'KR', 'KP', 'MN', 'RU'] as const;
export type NearCountry = (typeof NEAR_COUNTRIES)[number];
