import { describe, expect, it } from '@jest/globals';
import { AppConfig } from './app-config.js';
import { ConfigError } from './config-error.js';
import { validateEnvironment } from './environment.schema.js';
import { generateSignerKey } from '../../audit/src/log/signed-note.js';

const load = (env: Record<string, string>) => new AppConfig(validateEnvironment(env));
const failure = (env: Record<string, string>) => {
  try {
    validateEnvironment(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('the configuration', () => {
  it('starts in development with defaults that point at the services of docker-compose.yml', () => {
    const config = load({});
    expect(config.database.url).toBe('postgres://postgres:postgres@127.0.0.1:5432/near');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.http.port).toBe(3000);
    expect(config.log.format).toBe('pretty');
    expect(config.admin.usesDevelopmentPassword).toBe(true);
    expect(config.demoData).toBe(false);
    expect(config.http.apiDocs).toBe(true);
    expect(load({ API_DOCS: 'false' }).http.apiDocs).toBe(false);
    expect(failure({ API_DOCS: 'maybe' })).toMatch(/API_DOCS must be true or false/);
  });

  it('names the variable, the reason and the value in one line', () => {
    expect(failure({ PORT: '70000' })).toBe('configuration error: PORT must not be greater than 65535 (got "70000")');
    expect(failure({ DEMO_DATA: 'maybe' })).toBe('configuration error: DEMO_DATA must be true or false (got "maybe")');
    expect(failure({ SMTP_URL: 'http://mail' })).toBe('configuration error: SMTP_URL must be an smtp:// or smtps:// URL');
  });

  it('never echoes a secret it refuses', () => {
    expect(failure({ JWT_SECRET: 'short-secret' })).toBe('configuration error: JWT_SECRET must be at least 32 characters');
  });

  it('has no secrets by default in production, and no demo data', () => {
    const secrets = {
      JWT_SECRET: 'x'.repeat(32),
      ADMIN_PASSWORD: 'a-long-password',
      LOG_SIGNING_KEY: generateSignerKey('near.example/log'),
      APP_URL: 'https://admission.near.example',
    };
    expect(failure({ NODE_ENV: 'production', ADMIN_PASSWORD: 'a-long-password' })).toMatch(/JWT_SECRET is required/);
    expect(failure({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toMatch(/ADMIN_PASSWORD is required/);
    expect(failure({ NODE_ENV: 'production', ...secrets, DEMO_DATA: 'true' })).toMatch(/DEMO_DATA must be false/);
    expect(failure({ NODE_ENV: 'production', ...secrets, LOG_SIGNING_KEY: '' })).toBe(
      'configuration error: LOG_SIGNING_KEY is required when NODE_ENV=production (npm run log:keygen -- <origin> prints one)',
    );
    expect(failure({ NODE_ENV: 'production', ...secrets, APP_URL: '' })).toMatch(
      /^configuration error: APP_URL is required when NODE_ENV=production/,
    );
    const production = load({ NODE_ENV: 'production', ...secrets });
    expect(production.http.appUrl).toBe('https://admission.near.example');
    expect(load({}).http.appUrl).toBe('http://localhost:3000');
    // Links in e-mails lead to the API that sent them when it listens elsewhere.
    expect(load({ PORT: '3100' }).http.appUrl).toBe('http://localhost:3100');
    expect(production.log.format).toBe('json');
    expect(production.admin.usesDevelopmentPassword).toBe(false);
    expect(production.http.apiDocs).toBe(false);
    expect(load({ NODE_ENV: 'production', ...secrets, API_DOCS: 'true' }).http.apiDocs).toBe(true);
  });

  it('refuses the published development JWT_SECRET in production, in one line that does not echo it', () => {
    const secrets = { ADMIN_PASSWORD: 'a-long-password', LOG_SIGNING_KEY: generateSignerKey('near.example/log') };
    const message = failure({ NODE_ENV: 'production', ...secrets, JWT_SECRET: 'development-only-secret-never-use-in-production' });
    expect(message).toBe(
      'configuration error: JWT_SECRET is the published development default; set a secret of your own when NODE_ENV=production',
    );
    expect(message).not.toMatch(/development-only-secret/);
  });

  it('requires a second factor of admins and the Secretariat in production, of nobody in development, unless told', () => {
    const secrets = {
      JWT_SECRET: 'x'.repeat(32),
      ADMIN_PASSWORD: 'a-long-password',
      LOG_SIGNING_KEY: generateSignerKey('near.example/log'),
      APP_URL: 'https://admission.near.example',
    };
    expect(load({ NODE_ENV: 'production', ...secrets }).auth.mfaRequiredRoles).toEqual(['admin', 'secretariat']);
    expect(load({ NODE_ENV: 'production', ...secrets, MFA_REQUIRED_ROLES: 'none' }).auth.mfaRequiredRoles).toEqual([]);
    expect(load({}).auth.mfaRequiredRoles).toEqual([]);
    expect(load({ MFA_REQUIRED_ROLES: 'admin, delegate' }).auth.mfaRequiredRoles).toEqual(['admin', 'delegate']);
    expect(failure({ MFA_REQUIRED_ROLES: 'admin,boss' })).toMatch(/^configuration error: MFA_REQUIRED_ROLES must be none or roles/);
    expect(load({}).auth).toMatchObject({ sessionIdleTimeoutSeconds: 1800, sessionAbsoluteLifetimeSeconds: 43200 });
  });

  it('names the log after its signing key, refuses a key named otherwise, and never echoes the key', () => {
    const key = generateSignerKey('near.example/log');
    expect(load({ LOG_SIGNING_KEY: key }).transparencyLog).toEqual({ origin: 'near.example/log', signingKey: key });
    expect(failure({ LOG_SIGNING_KEY: key, LOG_ORIGIN: 'other.example/log' })).toBe(
      'configuration error: LOG_SIGNING_KEY is named "near.example/log", not LOG_ORIGIN "other.example/log": a checkpoint\'s origin is its key\'s name',
    );
    const broken = `${key.slice(0, -4)}%%%%`;
    const message = failure({ LOG_SIGNING_KEY: broken });
    expect(message).toMatch(/^configuration error: LOG_SIGNING_KEY must be a signed-note Ed25519 signer key/);
    expect(message).not.toContain(key.slice(-20, -4));
    expect(failure({ LOG_ORIGIN: 'has space' })).toMatch(/^configuration error: LOG_ORIGIN must be printable ASCII/);
  });

  it('keeps the development key in var/log-signing-key and says so', () => {
    const config = load({});
    expect(config.transparencyLog).toMatchObject({ origin: 'localhost/near-admission-log', keyFile: 'var/log-signing-key' });
    expect(load({}).transparencyLog.signingKey).toBe(config.transparencyLog.signingKey);
  });

  it('reads the proxy trust as off, a hop count or a list of addresses', () => {
    expect(load({}).http.trustProxy).toBe(false);
    expect(load({ TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(load({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5' }).http.trustProxy).toEqual(['10.0.0.0/8', '192.168.1.5']);
  });

  it('ignores variables it does not know', () => {
    expect(() => load({ HOME: '/root', SOMETHING_ELSE: '1' })).not.toThrow();
  });
});
