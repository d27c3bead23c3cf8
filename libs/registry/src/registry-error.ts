import { DomainError } from '@near/common';

export enum RegistryErrorCode {
  GovernmentNotFound = 'government-not-found',
  GovernmentAlreadyRegistered = 'government-already-registered',
}

export class RegistryError extends DomainError<RegistryErrorCode> {}
