import type { LoggerOptions } from 'pino';

/** Paths that may hold secrets; pino replaces them before a line is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.accessToken',
  '*.token',
  '*.refreshToken',
  '*.mfaToken',
  '*.secret',
  '*.otpauthUri',
  '*.recoveryCodes',
  // A failed query's bound values: password hashes, personal data, whatever a client sent.
  'err.parameters',
];

/** One line of JSON per event in production; colourised and readable in development. */
export function pinoOptions(log: { level: string; format: 'json' | 'pretty' }, service: string): LoggerOptions {
  return {
    level: log.level,
    base: { service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    ...(log.format === 'pretty'
      ? {
          transport: {
            target: 'pino-pretty',
            options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' },
          },
        }
      : {}),
  };
}
