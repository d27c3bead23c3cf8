import { DomainError } from "../../common/src/index.js";
export var RegistryErrorCode;
(function (RegistryErrorCode) {
    RegistryErrorCode["GovernmentNotFound"] = "government-not-found";
    RegistryErrorCode["GovernmentAlreadyRegistered"] = "government-already-registered";
})(RegistryErrorCode || (RegistryErrorCode = {}));
export class RegistryError extends DomainError {
}
//# sourceMappingURL=registry-error.js.map