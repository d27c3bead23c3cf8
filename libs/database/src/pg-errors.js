export var PgErrorCode;
(function (PgErrorCode) {
    PgErrorCode["UniqueViolation"] = "23505";
    PgErrorCode["ForeignKeyViolation"] = "23503";
    PgErrorCode["CheckViolation"] = "23514";
    PgErrorCode["NotNullViolation"] = "23502";
    PgErrorCode["InvalidTextRepresentation"] = "22P02";
    PgErrorCode["SerializationFailure"] = "40001";
    PgErrorCode["DeadlockDetected"] = "40P01";
    PgErrorCode["InvalidCatalogName"] = "3D000";
    PgErrorCode["AdminShutdown"] = "57P01";
    PgErrorCode["CannotConnectNow"] = "57P03";
})(PgErrorCode || (PgErrorCode = {}));
export function pgErrorCode(error) {
    const candidate = error ?? undefined;
    const code = candidate?.driverError?.code ?? candidate?.code;
    return typeof code === 'string' ? code : undefined;
}
const UNAVAILABLE_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const UNAVAILABLE_MESSAGES = [
    'Connection terminated',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error',
    'Connection terminated unexpectedly',
];
export function isDatabaseUnavailableError(error) {
    const code = pgErrorCode(error);
    if (code && (UNAVAILABLE_NETWORK_CODES.has(code) || code.startsWith('08') || code === PgErrorCode.AdminShutdown || code === PgErrorCode.CannotConnectNow)) {
        return true;
    }
    const message = error instanceof Error ? error.message : '';
    return UNAVAILABLE_MESSAGES.some((fragment) => message.includes(fragment));
}
//# sourceMappingURL=pg-errors.js.map