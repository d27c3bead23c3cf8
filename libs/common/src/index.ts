// Small, boring pieces every other lib shares: the domain error base, the problem+json shape, start-up errors.
export { DomainError } from './domain-error.js';
export { type ProblemDetails, type FieldError, PROBLEM_CONTENT_TYPE, problemType } from './problem-details.js';
export { StartupError } from './startup-error.js';
export { SUPPORTED_LOCALES, DEFAULT_LOCALE, type Locale, localeOfCountry } from './locales.js';
export { pinoOptions, REDACTED_PATHS } from './logging/pino-options.js';
export { sayWhenStopping } from './logging/shutdown-log.js';
export { runMain } from './run-main.js';
export { GroupCommit } from './group-commit.js';
export { withTimeout } from './with-timeout.js';
export { calendarDayIn } from './calendar-day.js';
export { englishOrdinal } from './english-ordinal.js';
export {
  passwordRefusal,
  passwordRefusalSentence,
  type PasswordRefusal,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MAX_LENGTH,
} from './password-rules.js';
