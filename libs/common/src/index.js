export { DomainError } from './domain-error.js';
export { PROBLEM_CONTENT_TYPE, problemType } from './problem-details.js';
export { StartupError } from './startup-error.js';
export { SUPPORTED_LOCALES, DEFAULT_LOCALE } from './locales.js';
export { pinoOptions, REDACTED_PATHS } from './logging/pino-options.js';
export { runMain } from './run-main.js';
//# sourceMappingURL=index.js.map