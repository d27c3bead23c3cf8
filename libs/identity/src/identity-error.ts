import { DomainError } from '@near/common';

export enum IdentityErrorCode {
  InvalidCredentials = 'invalid-credentials',
  TooManyFailedSignIns = 'too-many-failed-sign-ins',
  InvalidToken = 'invalid-token',
  EmailTaken = 'email-taken',
  GovernmentRequired = 'government-required',
  GovernmentNotAllowed = 'government-not-allowed',
  GovernmentNotEligibleForRole = 'government-not-eligible-for-role',
  UnknownGovernment = 'unknown-government',
}

export class IdentityError extends DomainError<IdentityErrorCode> {}
