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
  InvalidRefreshToken = 'invalid-refresh-token',
  SessionNotFound = 'session-not-found',
  SecondFactorRequired = 'second-factor-required',
  SecondFactorExists = 'second-factor-exists',
  NoSecondFactor = 'no-second-factor',
  InvalidCode = 'invalid-code',
  UserNotFound = 'user-not-found',
}

export class IdentityError extends DomainError<IdentityErrorCode> {}
