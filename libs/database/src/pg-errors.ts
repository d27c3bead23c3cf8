/** The PostgreSQL error codes we react to (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
export enum PgErrorCode {
  UniqueViolation = '23505',
  ForeignKeyViolation = '23503',
  CheckViolation = '23514',
  NotNullViolation = '23502',
  InvalidTextRepresentation = '22P02',
  SerializationFailure = '40001',
  DeadlockDetected = '40P01',
  /** Any statement after one that failed in the same transaction. */
  InFailedTransaction = '25P02',
  InvalidCatalogName = '3D000',
  DuplicateDatabase = '42P04',
  AdminShutdown = '57P01',
  CannotConnectNow = '57P03',
}

export function pgErrorCode(error: unknown): string | undefined {
  const candidate = (error as { driverError?: { code?: unknown }; code?: unknown } | null) ?? undefined;
  const code = candidate?.driverError?.code ?? candidate?.code;
  return typeof code === 'string' ? code : undefined;
}

// Class 08 minus 08P01 (protocol violation), which is a bug of ours, not an outage.
const CONNECTION_LOST_CODES = new Set(['08000', '08001', '08003', '08004', '08006', '08007']);
const UNAVAILABLE_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection terminated unexpectedly',
];

/** True when the error says PostgreSQL cannot be reached right now (the request may succeed later). */
export function isDatabaseUnavailableError(error: unknown): boolean {
  const code = pgErrorCode(error);
  if (
    code &&
    (UNAVAILABLE_NETWORK_CODES.has(code) ||
      CONNECTION_LOST_CODES.has(code) ||
      code === PgErrorCode.AdminShutdown ||
      code === PgErrorCode.CannotConnectNow)
  ) {
    return true;
  }
  const message = error instanceof Error ? error.message : '';
  return UNAVAILABLE_MESSAGES.some((fragment) => message.includes(fragment));
}
