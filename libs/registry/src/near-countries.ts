/** The six countries whose regional governments may be full members (docs/domain.md, "Categories"). */
export const NEAR_COUNTRIES = ['CN', 'JP', 'KR', 'KP', 'MN', 'RU'] as const;
export type NearCountry = (typeof NEAR_COUNTRIES)[number];
