var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync, } from 'class-validator';
import { ConfigError } from './config-error.js';
const toBoolean = ({ value }) => typeof value === 'string' ? { true: true, '1': true, false: false, '0': false }[value.toLowerCase()] ?? value : value;
const toInt = ({ value }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
const emptyToUndefined = ({ value }) => (value === '' ? undefined : value);
export class EnvironmentVariables {
    NODE_ENV = 'development';
    PORT = 3000;
    HOST = '0.0.0.0';
    DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:5432/near';
    REDIS_URL = 'redis://127.0.0.1:6379';
    REDIS_PREFIX = 'near';
    SMTP_URL;
    MAIL_DIR = 'var/mail';
    MAIL_FROM = 'NEAR Admissions <admissions@near.example>';
    JWT_SECRET;
    JWT_TTL_SECONDS = 900;
    ADMIN_EMAIL = 'admin@near.example';
    ADMIN_PASSWORD;
    DEMO_DATA = false;
    MIGRATIONS_RUN = true;
    LOG_LEVEL = 'info';
    LOG_FORMAT;
    CORS_ORIGINS = '';
    BODY_LIMIT_BYTES = 1024 * 1024;
    TRUST_PROXY = false;
    LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;
    LOGIN_MAX_FAILURES_PER_ADDRESS = 100;
    LOGIN_FAILURE_WINDOW_SECONDS = 900;
}
__decorate([
    IsIn(['development', 'production', 'test']),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "NODE_ENV", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(0),
    Max(65535),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "PORT", void 0);
__decorate([
    IsString(),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "HOST", void 0);
__decorate([
    Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "DATABASE_URL", void 0);
__decorate([
    Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// URL' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "REDIS_URL", void 0);
__decorate([
    Matches(/^[a-zA-Z0-9_-]+$/, { message: 'must be letters, digits, "-" or "_"' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "REDIS_PREFIX", void 0);
__decorate([
    Transform(emptyToUndefined),
    IsOptional(),
    Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "SMTP_URL", void 0);
__decorate([
    IsString(),
    MinLength(1),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "MAIL_DIR", void 0);
__decorate([
    IsString(),
    Matches(/\S+@\S+/, { message: 'must contain an e-mail address' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "MAIL_FROM", void 0);
__decorate([
    Transform(emptyToUndefined),
    IsOptional(),
    IsString(),
    MinLength(32, { message: 'must be at least 32 characters' }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "JWT_SECRET", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(60),
    Max(86400),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "JWT_TTL_SECONDS", void 0);
__decorate([
    IsEmail({}, { message: 'must be an e-mail address' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "ADMIN_EMAIL", void 0);
__decorate([
    Transform(emptyToUndefined),
    IsOptional(),
    IsString(),
    MinLength(12, { message: 'must be at least 12 characters' }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "ADMIN_PASSWORD", void 0);
__decorate([
    Transform(toBoolean),
    IsBoolean({ message: 'must be true or false' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "DEMO_DATA", void 0);
__decorate([
    Transform(toBoolean),
    IsBoolean({ message: 'must be true or false' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "MIGRATIONS_RUN", void 0);
__decorate([
    IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "LOG_LEVEL", void 0);
__decorate([
    Transform(emptyToUndefined),
    IsOptional(),
    IsIn(['json', 'pretty']),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "LOG_FORMAT", void 0);
__decorate([
    IsString(),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "CORS_ORIGINS", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(1024),
    Max(50 * 1024 * 1024),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "BODY_LIMIT_BYTES", void 0);
__decorate([
    Transform(toBoolean),
    IsBoolean({ message: 'must be true or false' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "TRUST_PROXY", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(1),
    Max(1000),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "LOGIN_MAX_FAILURES_PER_ACCOUNT", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(1),
    Max(100000),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "LOGIN_MAX_FAILURES_PER_ADDRESS", void 0);
__decorate([
    Transform(toInt),
    IsInt(),
    Min(1),
    Max(86400),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "LOGIN_FAILURE_WINDOW_SECONDS", void 0);
const SECRETS = new Set(['JWT_SECRET', 'ADMIN_PASSWORD', 'DATABASE_URL', 'REDIS_URL', 'SMTP_URL']);
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-never-use-in-production';
export const DEVELOPMENT_ADMIN_PASSWORD = 'admin-password-dev';
export function validateEnvironment(raw) {
    const known = Object.keys(new EnvironmentVariables());
    const relevant = Object.fromEntries(Object.entries(raw).filter(([key, value]) => value !== undefined && known.includes(key)));
    const env = plainToInstance(EnvironmentVariables, relevant, { exposeDefaultValues: true });
    const [error] = validateSync(env, { skipMissingProperties: false });
    if (error) {
        const why = Object.values(error.constraints ?? {})[0]?.replace(`${error.property} `, '') ?? 'is invalid';
        const shown = SECRETS.has(error.property) ? '' : ` (got ${JSON.stringify(relevant[error.property])})`;
        throw new ConfigError(`${error.property} ${why}${shown}`);
    }
    if (env.NODE_ENV === 'production') {
        if (!env.JWT_SECRET)
            throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
        if (!env.ADMIN_PASSWORD)
            throw new ConfigError('ADMIN_PASSWORD is required when NODE_ENV=production');
        if (env.DEMO_DATA)
            throw new ConfigError('DEMO_DATA must be false when NODE_ENV=production');
    }
    else {
        env.JWT_SECRET ??= DEVELOPMENT_JWT_SECRET;
        env.ADMIN_PASSWORD ??= DEVELOPMENT_ADMIN_PASSWORD;
    }
    return env;
}
//# sourceMappingURL=environment.schema.js.map