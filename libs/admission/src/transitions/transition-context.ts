import type { EntityManager } from 'typeorm';
import type { AuditContext, AuditTrail } from '@near/audit';
import type { SessionsService, VoteBook } from '@near/voting';
import type { Application } from '../application.entity.js';

/** What a guard or an effect of an action sees: the transaction, the application as loaded, and the services it may use. */
export interface TransitionContext<Input = Record<string, unknown>> {
  manager: EntityManager;
  application: Application;
  input: Input;
  /** Who the audit trail records as acting: the user, or the system for a deadline. */
  auditContext: AuditContext;
  now: Date;
  votes: VoteBook;
  sessions: SessionsService;
  audit: AuditTrail;
}
