/** The criteria the Secretariat records for every application (docs/domain.md, "Admission"). */
export const ELIGIBILITY_CRITERIA = [
  { code: 'located_in_northeast_asia', label: 'Located in Northeast Asia' },
  { code: 'regional_government', label: 'A regional (provincial-level) government' },
  { code: 'country_fits_category', label: 'Located in a country that fits the category applied for' },
  { code: 'shares_purpose', label: "Shares NEAR's purpose (signed statement present)" },
  { code: 'not_already_member', label: 'Not already a member' },
  { code: 'letter_signed_by_head', label: 'Letter signed by the head of government' },
] as const;

export type EligibilityCriterionCode = (typeof ELIGIBILITY_CRITERIA)[number]['code'];
export const ELIGIBILITY_CRITERION_CODES = ELIGIBILITY_CRITERIA.map((criterion) => criterion.code);

export const criterionLabel = (code: string): string => ELIGIBILITY_CRITERIA.find((criterion) => criterion.code === code)?.label ?? code;
