export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const problemType = (code) => `urn:near:problem:${code}`;
//# sourceMappingURL=problem-details.js.map