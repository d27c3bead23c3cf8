export const ROLES = ['applicant', 'secretariat', 'delegate', 'admin'];
export const GOVERNMENT_ROLES = ['applicant', 'delegate'];
//# sourceMappingURL=role.js.map