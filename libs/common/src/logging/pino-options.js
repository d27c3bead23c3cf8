export const REDACTED_PATHS = [
    'req.headers.authorization',
    'req.headers.cookie',
    'res.headers["set-cookie"]',
    '*.password',
    '*.passwordHash',
    '*.accessToken',
    '*.token',
];
export function pinoOptions(log, service) {
    return {
        level: log.level,
        base: { service },
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
        timestamp: () => `,"time":"${new Date().toISOString()}"`,
        ...(log.format === 'pretty'
            ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' } } }
            : {}),
    };
}
//# sourceMappingURL=pino-options.js.map