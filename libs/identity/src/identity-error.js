import { DomainError } from "../../common/src/index.js";
export var IdentityErrorCode;
(function (IdentityErrorCode) {
    IdentityErrorCode["InvalidCredentials"] = "invalid-credentials";
    IdentityErrorCode["TooManyFailedSignIns"] = "too-many-failed-sign-ins";
    IdentityErrorCode["InvalidToken"] = "invalid-token";
    IdentityErrorCode["EmailTaken"] = "email-taken";
    IdentityErrorCode["GovernmentRequired"] = "government-required";
    IdentityErrorCode["GovernmentNotAllowed"] = "government-not-allowed";
    IdentityErrorCode["GovernmentNotEligibleForRole"] = "government-not-eligible-for-role";
    IdentityErrorCode["UnknownGovernment"] = "unknown-government";
})(IdentityErrorCode || (IdentityErrorCode = {}));
export class IdentityError extends DomainError {
}
//# sourceMappingURL=identity-error.js.map