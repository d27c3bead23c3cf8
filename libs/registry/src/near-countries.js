export const NEAR_COUNTRIES = ['CN', 'JP', 'KR', 'KP', 'MN', 'RU'];
//# sourceMappingURL=near-countries.js.map