import { DomainError } from '@near/common';

export enum LogErrorCode {
  /** No checkpoint was signed at the size asked for (or none at all yet). */
  CheckpointNotFound = 'checkpoint-not-found',
  /** An index or a range outside the tree, or sizes in the wrong order. */
  OutOfRange = 'log-range-invalid',
}

export class LogError extends DomainError<LogErrorCode> {}
