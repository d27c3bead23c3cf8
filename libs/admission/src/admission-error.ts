import { DomainError } from '@near/common';

export enum AdmissionErrorCode {
  ApplicationNotFound = 'application-not-found',
  UnknownAction = 'unknown-action',
  ActionForbidden = 'action-forbidden',
  ActionNotAllowedInState = 'action-not-allowed-in-state',
  VersionMismatch = 'version-mismatch',
  ConcurrentChange = 'concurrent-change',
  GuardFailed = 'guard-failed',
  ApplicationInProgress = 'application-in-progress',
  GovernmentCannotApply = 'government-cannot-apply',
  IdempotencyKeyReused = 'idempotency-key-reused',
  NotEditable = 'not-editable',
  LetterNotFound = 'letter-not-found',
  LetterNotPdf = 'letter-not-pdf',
  LetterEmpty = 'letter-empty',
  LetterTooLarge = 'letter-too-large',
  AttachmentNotFound = 'attachment-not-found',
  AttachmentNotPdf = 'attachment-not-pdf',
  AttachmentEmpty = 'attachment-empty',
  AttachmentTooLarge = 'attachment-too-large',
  UnknownCriterion = 'unknown-criterion',
  InvalidCursor = 'invalid-cursor',
}

export class AdmissionError extends DomainError<AdmissionErrorCode> {}
