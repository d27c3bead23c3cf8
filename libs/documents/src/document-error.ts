import { DomainError } from '@near/common';

export enum DocumentErrorCode {
  DocumentNotFound = 'document-not-found',
  /** No closed decision on an application with that reference: nothing public to show. */
  DecisionNotFound = 'decision-not-found',
  /** Minutes are made for closed sessions only. */
  SessionNotClosed = 'session-not-closed',
  SessionNotFound = 'session-not-found',
  /** Asked for, but not made within the wait: the answer says when to ask again. */
  DocumentNotReady = 'document-not-ready',
}

export class DocumentError extends DomainError<DocumentErrorCode> {}
