import type { AuthenticatedUser } from '@near/identity';
import type { Application } from './application.entity.js';

/**
 * Who may see an application: the Secretariat all of them, an applicant its own government's, a
 * delegate those placed on an agenda. Anyone else is told it does not exist (404, not 403).
 */
export function canSee(user: AuthenticatedUser, application: Pick<Application, 'governmentId' | 'assemblyId'>): boolean {
  switch (user.role) {
    case 'secretariat':
      return true;
    case 'applicant':
      return user.governmentId === application.governmentId;
    case 'delegate':
      return application.assemblyId !== null;
    case 'admin':
      return false;
  }
}

export function ownsApplication(user: AuthenticatedUser, application: Pick<Application, 'governmentId'>): boolean {
  return user.role === 'applicant' && user.governmentId === application.governmentId;
}
