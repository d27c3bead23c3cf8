/** One role per user (docs/domain.md, "Who uses it"). */
export const ROLES = ['applicant', 'secretariat', 'delegate', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that act for exactly one government. */
export const GOVERNMENT_ROLES: readonly Role[] = ['applicant', 'delegate'];
