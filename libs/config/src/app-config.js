import { DEVELOPMENT_ADMIN_PASSWORD } from './environment.schema.js';
export class AppConfig {
    environment;
    http;
    database;
    redis;
    mail;
    auth;
    admin;
    demoData;
    log;
    constructor(env) {
        this.environment = env.NODE_ENV;
        this.http = {
            port: env.PORT,
            host: env.HOST,
            corsOrigins: env.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean),
            bodyLimitBytes: env.BODY_LIMIT_BYTES,
            trustProxy: env.TRUST_PROXY,
        };
        this.database = { url: env.DATABASE_URL, migrationsRun: env.MIGRATIONS_RUN };
        this.redis = { url: env.REDIS_URL, prefix: env.REDIS_PREFIX };
        this.mail = { smtpUrl: env.SMTP_URL, directory: env.MAIL_DIR, from: env.MAIL_FROM };
        this.auth = {
            jwtSecret: env.JWT_SECRET,
            jwtTtlSeconds: env.JWT_TTL_SECONDS,
            maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
            maxFailuresPerAddress: env.LOGIN_MAX_FAILURES_PER_ADDRESS,
            failureWindowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS,
        };
        this.admin = {
            email: env.ADMIN_EMAIL,
            password: env.ADMIN_PASSWORD,
            usesDevelopmentPassword: env.ADMIN_PASSWORD === DEVELOPMENT_ADMIN_PASSWORD,
        };
        this.demoData = env.DEMO_DATA;
        this.log = {
            level: env.LOG_LEVEL,
            format: env.LOG_FORMAT ?? (env.NODE_ENV === 'development' ? 'pretty' : 'json'),
        };
        Object.freeze(this);
    }
    get isProduction() {
        return this.environment === 'production';
    }
}
//# sourceMappingURL=app-config.js.map