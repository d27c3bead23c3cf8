import { HttpStatus } from '@nestjs/common';
import type { DomainError } from '@near/common';
import { IdentityError, IdentityErrorCode } from '@near/identity';
import { RegistryError, RegistryErrorCode } from '@near/registry';

function identityStatus(code: IdentityErrorCode): HttpStatus {
  switch (code) {
    case IdentityErrorCode.InvalidCredentials:
    case IdentityErrorCode.InvalidToken:
      return HttpStatus.UNAUTHORIZED;
    case IdentityErrorCode.TooManyFailedSignIns:
      return HttpStatus.TOO_MANY_REQUESTS;
    case IdentityErrorCode.EmailTaken:
      return HttpStatus.CONFLICT;
    case IdentityErrorCode.GovernmentRequired:
    case IdentityErrorCode.GovernmentNotAllowed:
    case IdentityErrorCode.GovernmentNotEligibleForRole:
    case IdentityErrorCode.UnknownGovernment:
      return HttpStatus.UNPROCESSABLE_ENTITY;
  }
}

function registryStatus(code: RegistryErrorCode): HttpStatus {
  switch (code) {
    case RegistryErrorCode.GovernmentNotFound:
      return HttpStatus.NOT_FOUND;
    case RegistryErrorCode.GovernmentAlreadyRegistered:
      return HttpStatus.CONFLICT;
  }
}

/** The HTTP status of every domain error code; a new module error type is added here. */
export function domainErrorStatus(error: DomainError): HttpStatus {
  if (error instanceof IdentityError) return identityStatus(error.code);
  if (error instanceof RegistryError) return registryStatus(error.code);
  return HttpStatus.INTERNAL_SERVER_ERROR;
}
