import { HttpStatus } from '@nestjs/common';
import { AdmissionError, AdmissionErrorCode } from '@near/admission';
import { LogError, LogErrorCode } from '@near/audit';
import type { DomainError } from '@near/common';
import { DocumentError, DocumentErrorCode } from '@near/documents';
import { IdentityError, IdentityErrorCode } from '@near/identity';
import { NotificationError, NotificationErrorCode } from '@near/notifications';
import { RegistryError, RegistryErrorCode } from '@near/registry';
import { VotingError, VotingErrorCode } from '@near/voting';

function identityStatus(code: IdentityErrorCode): HttpStatus {
  switch (code) {
    case IdentityErrorCode.InvalidCredentials:
    case IdentityErrorCode.InvalidToken:
    case IdentityErrorCode.InvalidRefreshToken:
      return HttpStatus.UNAUTHORIZED;
    case IdentityErrorCode.SecondFactorRequired:
      return HttpStatus.FORBIDDEN;
    case IdentityErrorCode.SessionNotFound:
    case IdentityErrorCode.UserNotFound:
      return HttpStatus.NOT_FOUND;
    case IdentityErrorCode.SecondFactorExists:
      return HttpStatus.CONFLICT;
    case IdentityErrorCode.TooManyFailedSignIns:
      return HttpStatus.TOO_MANY_REQUESTS;
    case IdentityErrorCode.EmailTaken:
      return HttpStatus.CONFLICT;
    case IdentityErrorCode.GovernmentRequired:
    case IdentityErrorCode.GovernmentNotAllowed:
    case IdentityErrorCode.GovernmentNotEligibleForRole:
    case IdentityErrorCode.UnknownGovernment:
    case IdentityErrorCode.OwnAccount:
    case IdentityErrorCode.NoSecondFactor:
    case IdentityErrorCode.InvalidCode:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case IdentityErrorCode.PasswordRefused:
    case IdentityErrorCode.CurrentPasswordWrong:
    case IdentityErrorCode.LinkInvalid:
      return HttpStatus.BAD_REQUEST;
    case IdentityErrorCode.UserChanged:
      return HttpStatus.PRECONDITION_FAILED;
    case IdentityErrorCode.NotInvited:
      return HttpStatus.CONFLICT;
    case IdentityErrorCode.RoleNotAllowed:
      return HttpStatus.FORBIDDEN;
  }
}

function registryStatus(code: RegistryErrorCode): HttpStatus {
  switch (code) {
    case RegistryErrorCode.GovernmentNotFound:
      return HttpStatus.NOT_FOUND;
    case RegistryErrorCode.GovernmentAlreadyRegistered:
    case RegistryErrorCode.FeeAlreadyRecorded:
      return HttpStatus.CONFLICT;
    case RegistryErrorCode.GovernmentPaysNoFees:
    case RegistryErrorCode.PaymentDateInFuture:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case RegistryErrorCode.GovernmentChanged:
      return HttpStatus.PRECONDITION_FAILED;
  }
}

function admissionStatus(code: AdmissionErrorCode): HttpStatus {
  switch (code) {
    case AdmissionErrorCode.ApplicationNotFound:
    case AdmissionErrorCode.UnknownAction:
    case AdmissionErrorCode.LetterNotFound:
    case AdmissionErrorCode.AttachmentNotFound:
      return HttpStatus.NOT_FOUND;
    case AdmissionErrorCode.ActionForbidden:
      return HttpStatus.FORBIDDEN;
    case AdmissionErrorCode.ActionNotAllowedInState:
    case AdmissionErrorCode.ConcurrentChange:
    case AdmissionErrorCode.ApplicationInProgress:
    case AdmissionErrorCode.NotEditable:
      return HttpStatus.CONFLICT;
    case AdmissionErrorCode.VersionMismatch:
      return HttpStatus.PRECONDITION_FAILED;
    case AdmissionErrorCode.GuardFailed:
    case AdmissionErrorCode.GovernmentCannotApply:
    case AdmissionErrorCode.IdempotencyKeyReused:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case AdmissionErrorCode.LetterNotPdf:
    case AdmissionErrorCode.AttachmentNotPdf:
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case AdmissionErrorCode.LetterTooLarge:
    case AdmissionErrorCode.AttachmentTooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case AdmissionErrorCode.LetterEmpty:
    case AdmissionErrorCode.AttachmentEmpty:
    case AdmissionErrorCode.UnknownCriterion:
    case AdmissionErrorCode.InvalidCursor:
      return HttpStatus.BAD_REQUEST;
  }
}

function votingStatus(code: VotingErrorCode): HttpStatus {
  switch (code) {
    case VotingErrorCode.SessionNotFound:
    case VotingErrorCode.ApplicationNotFound:
    case VotingErrorCode.NoVote:
    case VotingErrorCode.NoBallotCast:
    case VotingErrorCode.ReceiptNotFound:
      return HttpStatus.NOT_FOUND;
    case VotingErrorCode.SessionNumberTaken:
    case VotingErrorCode.SessionNotInProgress:
    case VotingErrorCode.SessionNotScheduled:
    case VotingErrorCode.BallotStillOpen:
    case VotingErrorCode.BallotNotOpen:
    case VotingErrorCode.ResultNotAvailable:
      return HttpStatus.CONFLICT;
    case VotingErrorCode.NotOnRoll:
    case VotingErrorCode.GovernmentAbsent:
    case VotingErrorCode.NotADelegate:
      return HttpStatus.FORBIDDEN;
    case VotingErrorCode.UnknownHostGovernment:
    case VotingErrorCode.InvalidSessionDates:
    case VotingErrorCode.UnknownGovernments:
    case VotingErrorCode.DeadlineInThePast:
    case VotingErrorCode.NotForWrittenProcedure:
    case VotingErrorCode.QuorumRuleUnfitForBody:
    case VotingErrorCode.InvalidReminders:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case VotingErrorCode.SessionChanged:
      return HttpStatus.PRECONDITION_FAILED;
    case VotingErrorCode.SessionVersionRequired:
      return HttpStatus.PRECONDITION_REQUIRED;
  }
}

function notificationStatus(code: NotificationErrorCode): HttpStatus {
  switch (code) {
    case NotificationErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case NotificationErrorCode.NotFailed:
      return HttpStatus.CONFLICT;
  }
}

function logStatus(code: LogErrorCode): HttpStatus {
  switch (code) {
    case LogErrorCode.CheckpointNotFound:
      return HttpStatus.NOT_FOUND;
    case LogErrorCode.OutOfRange:
      return HttpStatus.BAD_REQUEST;
  }
}

function documentStatus(code: DocumentErrorCode): HttpStatus {
  switch (code) {
    case DocumentErrorCode.DocumentNotFound:
    case DocumentErrorCode.DecisionNotFound:
    case DocumentErrorCode.SessionNotFound:
      return HttpStatus.NOT_FOUND;
    case DocumentErrorCode.SessionNotClosed:
      return HttpStatus.CONFLICT;
    case DocumentErrorCode.DocumentNotReady:
      return HttpStatus.SERVICE_UNAVAILABLE;
  }
}

/** The HTTP status of every domain error code; a new module error type is added here. */
export function domainErrorStatus(error: DomainError): HttpStatus {
  if (error instanceof IdentityError) return identityStatus(error.code);
  if (error instanceof RegistryError) return registryStatus(error.code);
  if (error instanceof AdmissionError) return admissionStatus(error.code);
  if (error instanceof VotingError) return votingStatus(error.code);
  if (error instanceof NotificationError) return notificationStatus(error.code);
  if (error instanceof LogError) return logStatus(error.code);
  if (error instanceof DocumentError) return documentStatus(error.code);
  return HttpStatus.INTERNAL_SERVER_ERROR;
}
