import { ConfigError } from './config-error.js';
import { DEVELOPMENT_ADMIN_PASSWORD, type EnvironmentVariables } from './environment.schema.js';
import { DEVELOPMENT_LOG_KEY_FILE, developmentSigningKey, signerKeyName } from './log-signing-key.js';

/** The configuration as the code uses it: typed, grouped, and frozen after boot. */
export class AppConfig {
  readonly environment: 'development' | 'production' | 'test';
  readonly http: {
    port: number;
    host: string;
    corsOrigins: string[];
    bodyLimitBytes: number;
    /** As Fastify takes it: off, a hop count, or the addresses of trusted proxies. */
    trustProxy: boolean | number | string[];
    /** Whether /docs and /docs-json are served. */
    apiDocs: boolean;
    /** The web app's public address, without a trailing slash: e-mailed links start with it. */
    appUrl: string;
  };
  readonly database: { url: string; migrationsRun: boolean };
  readonly redis: { url: string; prefix: string };
  readonly mail: { smtpUrl?: string; directory: string; from: string };
  readonly notifications: { attempts: number; backoffMs: number; relayIntervalMs: number; requeueAfterSeconds: number };
  readonly auth: {
    jwtSecret: string;
    jwtTtlSeconds: number;
    freeFailuresPerAccount: number;
    freeFailuresPerAddress: number;
    maxDelaySeconds: number;
    failureWindowSeconds: number;
    sessionIdleTimeoutSeconds: number;
    sessionAbsoluteLifetimeSeconds: number;
    /** The roles that must sign in with a second factor. */
    mfaRequiredRoles: string[];
    /** Seals the stored TOTP secrets; a secret. */
    totpEncryptionKey: string;
  };
  /** `usesDevelopmentPassword`: the password is the documented development default, safe to print. */
  readonly admin: { email: string; password: string; usesDevelopmentPassword: boolean };
  /** `trackedFrom`: the first fiscal year with payment records; no year before it is ever owed. */
  readonly fees: { trackedFrom: number };
  /** ISO 8601 durations after a request for information at which its application's contact is reminded. */
  readonly infoRequestReminders: readonly string[];
  readonly demoData: boolean;
  readonly log: { level: string; format: 'json' | 'pretty' };
  /**
   * The transparency log: `origin` names it (first line of each checkpoint, name of the key); `signingKey` is
   * secret (never logged); `keyFile` is where development keeps its generated key, undefined when it came from
   * LOG_SIGNING_KEY.
   */
  readonly transparencyLog: { origin: string; signingKey: string; keyFile?: string };

  constructor(env: EnvironmentVariables) {
    this.environment = env.NODE_ENV;
    this.http = {
      port: env.PORT,
      host: env.HOST,
      corsOrigins: env.CORS_ORIGINS.split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      trustProxy: parseTrustProxy(env.TRUST_PROXY),
      apiDocs: env.API_DOCS ?? env.NODE_ENV !== 'production',
      appUrl: (env.APP_URL ?? '').replace(/\/+$/, ''),
    };
    this.database = { url: env.DATABASE_URL, migrationsRun: env.MIGRATIONS_RUN };
    this.redis = { url: env.REDIS_URL, prefix: env.REDIS_PREFIX };
    this.mail = { smtpUrl: env.SMTP_URL, directory: env.MAIL_DIR, from: env.MAIL_FROM };
    this.notifications = {
      attempts: env.NOTIFICATION_ATTEMPTS,
      backoffMs: env.NOTIFICATION_BACKOFF_MS,
      relayIntervalMs: env.NOTIFICATION_RELAY_INTERVAL_MS,
      requeueAfterSeconds: env.NOTIFICATION_REQUEUE_AFTER_SECONDS,
    };
    this.auth = {
      jwtSecret: env.JWT_SECRET!,
      jwtTtlSeconds: env.JWT_TTL_SECONDS,
      freeFailuresPerAccount: env.LOGIN_FREE_FAILURES_PER_ACCOUNT,
      freeFailuresPerAddress: env.LOGIN_FREE_FAILURES_PER_ADDRESS,
      maxDelaySeconds: env.LOGIN_MAX_DELAY_SECONDS,
      failureWindowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS,
      sessionIdleTimeoutSeconds: env.SESSION_IDLE_TIMEOUT_SECONDS,
      sessionAbsoluteLifetimeSeconds: env.SESSION_ABSOLUTE_LIFETIME_SECONDS,
      mfaRequiredRoles: parseRoles(env.MFA_REQUIRED_ROLES ?? (env.NODE_ENV === 'production' ? 'admin,secretariat' : 'none')),
      totpEncryptionKey: env.TOTP_ENCRYPTION_KEY ?? `totp:${env.JWT_SECRET!}`,
    };
    this.admin = {
      email: env.ADMIN_EMAIL,
      password: env.ADMIN_PASSWORD!,
      usesDevelopmentPassword: env.ADMIN_PASSWORD === DEVELOPMENT_ADMIN_PASSWORD,
    };
    this.fees = { trackedFrom: env.FEES_TRACKED_FROM };
    this.infoRequestReminders = Object.freeze(env.INFO_REQUEST_REMINDERS.split(','));
    this.demoData = env.DEMO_DATA;
    this.log = {
      level: env.LOG_LEVEL,
      format: env.LOG_FORMAT ?? (env.NODE_ENV === 'development' ? 'pretty' : 'json'),
    };
    this.transparencyLog = env.LOG_SIGNING_KEY
      ? { origin: env.LOG_ORIGIN!, signingKey: env.LOG_SIGNING_KEY }
      : { origin: env.LOG_ORIGIN!, signingKey: developmentKey(env.LOG_ORIGIN!), keyFile: DEVELOPMENT_LOG_KEY_FILE };
    Object.freeze(this);
  }

  get isProduction(): boolean {
    return this.environment === 'production';
  }
}

function parseRoles(value: string): string[] {
  return value === 'none' ? [] : value.split(',').map((role) => role.trim());
}

function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((address) => address.trim());
}

/** Outside production, without LOG_SIGNING_KEY: the key generated once into DEVELOPMENT_LOG_KEY_FILE. */
function developmentKey(origin: string): string {
  const key = developmentSigningKey(origin);
  const name = signerKeyName(key);
  if (name !== origin) {
    throw new ConfigError(
      `${DEVELOPMENT_LOG_KEY_FILE} holds a key for ${JSON.stringify(name ?? 'nothing readable')}, not LOG_ORIGIN ${JSON.stringify(origin)}: set LOG_SIGNING_KEY, or move the file away to make a new key`,
    );
  }
  return key;
}
