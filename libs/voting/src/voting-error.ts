import { DomainError } from '@near/common';

export enum VotingErrorCode {
  SessionNotFound = 'session-not-found',
  SessionNumberTaken = 'session-number-taken',
  UnknownHostGovernment = 'unknown-host-government',
  InvalidSessionDates = 'invalid-session-dates',
}

export class VotingError extends DomainError<VotingErrorCode> {}
