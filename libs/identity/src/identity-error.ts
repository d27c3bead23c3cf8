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
  /** A password the rules refuse; the details name the field and the reason. */
  PasswordRefused = 'password-refused',
  /** The current password given to change it is wrong; the details name the field. */
  CurrentPasswordWrong = 'current-password-wrong',
  /** An invitation or reset link that is unknown, forged, expired, used or replaced, or whose user is disabled. */
  LinkInvalid = 'link-invalid',
  UserNotFound = 'user-not-found',
  UserChanged = 'user-changed',
  NotInvited = 'not-invited',
  RoleNotAllowed = 'role-not-allowed',
  OwnAccount = 'own-account',
  InvalidRefreshToken = 'invalid-refresh-token',
  SessionNotFound = 'session-not-found',
  SecondFactorRequired = 'second-factor-required',
  SecondFactorExists = 'second-factor-exists',
  NoSecondFactor = 'no-second-factor',
  InvalidCode = 'invalid-code',
}

export class IdentityError extends DomainError<IdentityErrorCode> {}
