import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Acting } from '@near/identity';
import { ANNOUNCED_FIELDS, type Session, SessionAmendments, type SessionEdit } from '@near/voting';
import * as applications from '../application.repository.js';
import type { Application } from '../application.entity.js';
import { ApplicationNotices, sessionFacts, sessionName } from '../notices/application-notices.service.js';
import { ApplicationTransitions } from '../transitions/application-transitions.service.js';
import { APPLICATION_ACTIONS } from '../workflow/application-workflow.js';

/**
 * Edits and cancellations of a scheduled meeting, with what they cause to its agenda, in one transaction:
 * the people told that an application is on its agenda (the applicant's contact and the member delegates,
 * by the agenda notice) are told again when its number, dates or venue change; a cancellation defers each
 * application on the agenda back to eligible, by the workflow's `defer`, which tells the same people.
 */
@Injectable()
export class SessionChanges {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly amendments: SessionAmendments,
    private readonly transitions: ApplicationTransitions,
    private readonly notices: ApplicationNotices,
  ) {}

  edit(sessionId: string, edit: SessionEdit, expectedVersion: number | undefined, acting: Acting): Promise<Session> {
    return this.dataSource.transaction(async (manager) => {
      const { session, changed } = await this.amendments.edit(manager, sessionId, edit, expectedVersion, acting.audit);
      if (changed.some((field) => ANNOUNCED_FIELDS.includes(field))) {
        for (const application of await waitingOnAgenda(manager, session.id)) {
          await this.notices.send(manager, APPLICATION_ACTIONS['place-on-agenda'].notifications, application);
        }
      }
      return session;
    });
  }

  cancel(sessionId: string, reason: string | undefined, expectedVersion: number | undefined, acting: Acting): Promise<Session> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.amendments.cancel(manager, sessionId, reason, expectedVersion, acting.audit);
      // Without a reason given, the record says why in English and each e-mail in its reader's language.
      const deferral = reason
        ? { reason }
        : { reason: `The ${sessionName(session)} was cancelled.`, cancelledSession: sessionFacts(session) };
      for (const application of await waitingOnAgenda(manager, session.id)) {
        await this.transitions.runIn(manager, application.id, 'defer', deferral, acting);
      }
      return session;
    });
  }
}

/** A scheduled session's agenda: its applications not yet decided (no ballot opens before the session does). */
async function waitingOnAgenda(manager: EntityManager, sessionId: string): Promise<Application[]> {
  return (await applications.listOnAgenda(manager, sessionId)).filter((application) => application.state === 'on_agenda');
}
