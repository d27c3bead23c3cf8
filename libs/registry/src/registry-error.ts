import { DomainError } from '@near/common';

export enum RegistryErrorCode {
  GovernmentNotFound = 'government-not-found',
  GovernmentAlreadyRegistered = 'government-already-registered',
  /** The year already has a payment with another date: a recorded payment is never changed silently. */
  FeeAlreadyRecorded = 'fee-already-recorded',
  /** Observers and prospective governments pay no fee. */
  GovernmentPaysNoFees = 'government-pays-no-fees',
  PaymentDateInFuture = 'payment-date-in-future',
  /** The If-Match version is not the government's: someone changed it since the caller read it. */
  GovernmentChanged = 'government-changed',
}

export class RegistryError extends DomainError<RegistryErrorCode> {}
