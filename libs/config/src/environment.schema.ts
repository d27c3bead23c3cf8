import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { passwordRefusal, passwordRefusalSentence } from '@near/common';
import { ConfigError } from './config-error.js';
import { signerKeyName } from './log-signing-key.js';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ({ true: true, '1': true, false: false, '0': false }[value.toLowerCase()] ?? value) : value;
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** Every variable the system reads. Secrets are never echoed in error messages. */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @Min(0)
  @Max(65535)
  @IsInt()
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:5432/near';

  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^[a-zA-Z0-9_-]+$/, { message: 'must be letters, digits, "-" or "_"' })
  REDIS_PREFIX = 'near';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  @MinLength(1)
  MAIL_DIR = 'var/mail';

  @Transform(toInt)
  @Min(1)
  @Max(50)
  @IsInt()
  NOTIFICATION_ATTEMPTS = 8;

  @Transform(toInt)
  @Min(10)
  @Max(600_000)
  @IsInt()
  NOTIFICATION_BACKOFF_MS = 5_000;

  @Transform(toInt)
  @Min(50)
  @Max(60_000)
  @IsInt()
  NOTIFICATION_RELAY_INTERVAL_MS = 1_000;

  @Transform(toInt)
  @Min(1)
  @Max(86_400)
  @IsInt()
  NOTIFICATION_REQUEUE_AFTER_SECONDS = 300;

  @IsString()
  @Matches(/\S+@\S+/, { message: 'must contain an e-mail address' })
  MAIL_FROM = 'NEAR Admissions <admissions@near.example>';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  /** The access token's lifetime: short, since a sign-in session renews it (POST /auth/refresh). */
  @Transform(toInt)
  @Min(10)
  @Max(3600)
  @IsInt()
  JWT_TTL_SECONDS = 900;

  @IsEmail({}, { message: 'must be an e-mail address' })
  ADMIN_EMAIL = 'admin@near.example';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  DEMO_DATA = false;

  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  MIGRATIONS_RUN = true;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['json', 'pretty'])
  LOG_FORMAT?: 'json' | 'pretty';

  @IsString()
  CORS_ORIGINS = '';

  /**
   * Where users reach the web app, as the links e-mailed to them begin (every message's page, invitations,
   * password resets). Required in production; elsewhere http://localhost:<PORT>.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { message: 'must be an http:// or https:// address without query' })
  APP_URL?: string;

  /** Serve the OpenAPI page and document (/docs, /docs-json): by default everywhere but in production. */
  @Transform((input) => toBoolean({ value: emptyToUndefined(input) }))
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  API_DOCS?: boolean;

  @Transform(toInt)
  @Min(1024)
  @Max(50 * 1024 * 1024)
  @IsInt()
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** `false`, a number of proxy hops, or a comma-separated list of proxy addresses or CIDR ranges. */
  @Matches(/^(false|true|\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, {
    message: 'must be false, a number of hops, or a list of proxy addresses',
  })
  TRUST_PROXY = 'false';

  /** Failed sign-ins on one account (within the window) before each next attempt waits, twice as long each time. */
  @Transform(toInt)
  @Min(1)
  @Max(1000)
  @IsInt()
  LOGIN_FREE_FAILURES_PER_ACCOUNT = 3;

  /** The same from one client address: many people share one (an office, a proxy), so it starts later. */
  @Transform(toInt)
  @Min(1)
  @Max(100000)
  @IsInt()
  LOGIN_FREE_FAILURES_PER_ADDRESS = 100;

  /** The longest wait between attempts: a guesser gets at most 60 / this many tries a minute, the owner waits no longer. */
  @Transform(toInt)
  @Min(1)
  @Max(3600)
  @IsInt()
  LOGIN_MAX_DELAY_SECONDS = 30;

  @Transform(toInt)
  @Min(1)
  @Max(86400)
  @IsInt()
  LOGIN_FAILURE_WINDOW_SECONDS = 900;

  /** A sign-in session not renewed for this long ends (the idle timeout). */
  @Transform(toInt)
  @Min(60)
  @Max(7 * 86400)
  @IsInt()
  SESSION_IDLE_TIMEOUT_SECONDS = 1800;

  /** A sign-in session ends this long after the sign-in, however much it is used. */
  @Transform(toInt)
  @Min(300)
  @Max(30 * 86400)
  @IsInt()
  SESSION_ABSOLUTE_LIFETIME_SECONDS = 43200;

  /** Roles that must sign in with a second factor, separated by commas, or `none`. Default: admin,secretariat in production, none elsewhere. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(none|(applicant|delegate|secretariat|admin)(\s*,\s*(applicant|delegate|secretariat|admin))*)$/, {
    message: 'must be none or roles separated by commas (applicant, delegate, secretariat, admin)',
  })
  MFA_REQUIRED_ROLES?: string;

  /** Seals the stored TOTP secrets (AES-256-GCM). Unset: derived from JWT_SECRET, so changing JWT_SECRET then voids every enrolment. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  TOTP_ENCRYPTION_KEY?: string;

  /** The first fiscal year the system holds fee payments for: earlier years are never counted as owed. */
  @Transform(toInt)
  @Min(1996)
  @Max(2200)
  @IsInt()
  FEES_TRACKED_FROM = 2025;

  /**
   * When the application's contact is reminded of an unanswered request for information: ISO 8601 durations
   * after the request, in weeks, days, hours, minutes and seconds, separated by commas. After the longest one
   * the application is overdue (GET /applications?overdue=true).
   */
  @Matches(/^(P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?)(,P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?){0,9}$/, {
    message: 'must be 1 to 10 ISO 8601 durations in weeks, days, hours, minutes or seconds, separated by commas (e.g. P14D,P28D,P42D)',
  })
  INFO_REQUEST_REMINDERS = 'P14D,P28D,P42D';

  /** The transparency log's name: the first line of every checkpoint, and the name of its signing key. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[!-*,-~]{1,200}$/, { message: 'must be printable ASCII without spaces or "+" (e.g. near.example/admission-log)' })
  LOG_ORIGIN?: string;

  /** A signed-note Ed25519 signer key (`npm run log:keygen`); required in production, generated once in development. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^PRIVATE\+KEY\+/, { message: 'must be a signed-note signer key, PRIVATE+KEY+<name>+<hash>+<key> (npm run log:keygen)' })
  LOG_SIGNING_KEY?: string;
}

const SECRETS = new Set([
  'LOG_SIGNING_KEY',
  'JWT_SECRET',
  'TOTP_ENCRYPTION_KEY',
  'ADMIN_PASSWORD',
  'DATABASE_URL',
  'REDIS_URL',
  'SMTP_URL',
]);
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-never-use-in-production';
export const DEVELOPMENT_ADMIN_PASSWORD = 'admin-password-dev';
export const DEVELOPMENT_LOG_ORIGIN = 'localhost/near-admission-log';
/** APP_URL outside production: the API on this machine, at the port it listens on. */
export const developmentAppUrl = (port: number): string => `http://localhost:${port}`;

/**
 * Validates the raw environment; throws a ConfigError naming the first bad variable. For the database's owner's
 * commands (`database`), what production requires of the API and the worker (their secrets) is not asked.
 */
export function validateEnvironment(raw: Record<string, unknown>, scope: 'app' | 'database' = 'app'): EnvironmentVariables {
  const known = Object.keys(new EnvironmentVariables());
  const relevant = Object.fromEntries(Object.entries(raw).filter(([key, value]) => value !== undefined && known.includes(key)));
  const env = plainToInstance(EnvironmentVariables, relevant, { exposeDefaultValues: true });
  const [error] = validateSync(env, { skipMissingProperties: false });
  if (error) {
    const why = Object.values(error.constraints ?? {})[0]?.replace(`${error.property} `, '') ?? 'is invalid';
    const shown = SECRETS.has(error.property) ? '' : ` (got ${JSON.stringify(relevant[error.property])})`;
    throw new ConfigError(`${error.property} ${why}${shown}`);
  }
  if (scope === 'database') {
    // Its default is a development database as the superuser: the owner's commands must not fall back to it.
    if (env.NODE_ENV === 'production' && relevant.DATABASE_URL === undefined)
      throw new ConfigError('DATABASE_URL is required when NODE_ENV=production: the database these commands change');
    return env;
  }
  if (env.NODE_ENV === 'production') {
    if (!env.JWT_SECRET) throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
    if (env.JWT_SECRET === DEVELOPMENT_JWT_SECRET)
      throw new ConfigError('JWT_SECRET is the published development default; set a secret of your own when NODE_ENV=production');
    if (!env.ADMIN_PASSWORD) throw new ConfigError('ADMIN_PASSWORD is required when NODE_ENV=production');
    if (env.ADMIN_PASSWORD === DEVELOPMENT_ADMIN_PASSWORD)
      throw new ConfigError('ADMIN_PASSWORD is the published development default; choose another when NODE_ENV=production');
    const refusal = passwordRefusal(env.ADMIN_PASSWORD, env.ADMIN_EMAIL);
    if (refusal) throw new ConfigError(`ADMIN_PASSWORD ${passwordRefusalSentence(refusal)} (the password rules apply to it too)`);
    if (env.DEMO_DATA) throw new ConfigError('DEMO_DATA must be false when NODE_ENV=production');
    if (env.LOG_FORMAT === 'pretty')
      throw new ConfigError('LOG_FORMAT=pretty needs pino-pretty, a development dependency; use json in production');
    if (!env.LOG_SIGNING_KEY)
      throw new ConfigError('LOG_SIGNING_KEY is required when NODE_ENV=production (npm run log:keygen -- <origin> prints one)');
    if (!env.APP_URL)
      throw new ConfigError(
        'APP_URL is required when NODE_ENV=production: the address users reach the web app at, which every e-mail links to',
      );
  } else {
    env.APP_URL ??= developmentAppUrl(env.PORT);
    env.JWT_SECRET ??= DEVELOPMENT_JWT_SECRET;
    env.ADMIN_PASSWORD ??= DEVELOPMENT_ADMIN_PASSWORD;
  }
  checkLogKey(env);
  return env;
}

/** LOG_ORIGIN and LOG_SIGNING_KEY agree: the key is named after the log. Without a key (not in production) AppConfig takes the development one. */
function checkLogKey(env: EnvironmentVariables): void {
  if (env.LOG_SIGNING_KEY) {
    const name = signerKeyName(env.LOG_SIGNING_KEY);
    if (!name)
      throw new ConfigError(
        'LOG_SIGNING_KEY must be a signed-note Ed25519 signer key, PRIVATE+KEY+<name>+<hash>+<key> (npm run log:keygen)',
      );
    if (env.LOG_ORIGIN && env.LOG_ORIGIN !== name) {
      throw new ConfigError(
        `LOG_SIGNING_KEY is named ${JSON.stringify(name)}, not LOG_ORIGIN ${JSON.stringify(env.LOG_ORIGIN)}: a checkpoint's origin is its key's name`,
      );
    }
    env.LOG_ORIGIN = name;
    return;
  }
  env.LOG_ORIGIN ??= DEVELOPMENT_LOG_ORIGIN;
}
