import { DomainError } from '@near/common';

export enum VotingErrorCode {
  SessionNotFound = 'session-not-found',
  SessionNumberTaken = 'session-number-taken',
  UnknownHostGovernment = 'unknown-host-government',
  InvalidSessionDates = 'invalid-session-dates',
  SessionNotInProgress = 'session-not-in-progress',
  SessionNotScheduled = 'session-not-scheduled',
  BallotStillOpen = 'ballot-still-open',
  BallotNotOpen = 'ballot-not-open',
  NotOnRoll = 'not-on-roll',
  GovernmentAbsent = 'government-absent',
  NotADelegate = 'not-a-delegate',
  ResultNotAvailable = 'result-not-available',
  NoVote = 'no-vote',
  NoBallotCast = 'no-ballot-cast',
  ApplicationNotFound = 'application-not-found',
  UnknownGovernments = 'unknown-governments',
  DeadlineInThePast = 'deadline-in-the-past',
  NotForWrittenProcedure = 'not-for-written-procedure',
  QuorumRuleUnfitForBody = 'quorum-rule-unfit-for-body',
  InvalidReminders = 'invalid-reminders',
  SessionChanged = 'session-changed',
  SessionVersionRequired = 'session-version-required',
  ReceiptNotFound = 'receipt-not-found',
}

export class VotingError extends DomainError<VotingErrorCode> {}
