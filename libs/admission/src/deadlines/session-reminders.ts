import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { NotificationOutbox } from '@near/notifications';
import { GovernmentsService } from '@near/registry';
import { claimDueMeetingReminders, claimDueVoteReminders, type Session, SessionsService } from '@near/voting';
import type { Application } from '../application.entity.js';
import * as applications from '../application.repository.js';
import { sessionFacts, sessionName, sessionWhen } from '../notices/application-notices.service.js';
import { AudienceRecipients } from '../notices/audience-recipients.js';

/**
 * Sends the reminders that are due, from what PostgreSQL holds: any worker may run it at any moment, as
 * often as it likes. Each reminder of each government is recorded (reminders_sent) in the same transaction
 * as its outbox rows, so it goes out once however many workers run it, and again after none.
 */
@Injectable()
export class SessionReminders {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly governments: GovernmentsService,
    private readonly audiences: AudienceRecipients,
    private readonly outbox: NotificationOutbox,
  ) {}

  /** Every reminder due: votes awaited in written procedures, meetings ahead. Answers how many governments got one. */
  async sendDue(now = new Date()): Promise<number> {
    return (await this.sendDueVoteReminders(now)) + (await this.sendDueMeetingReminders(now));
  }

  /** The reminders to delegates of governments that have not voted in an open written procedure; answers how many governments got one. */
  async sendDueVoteReminders(now = new Date()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = await claimDueVoteReminders(manager, now);
      for (const owed of claimed) {
        const session = await this.sessions.get(owed.assemblyId, manager);
        const agenda = await applications.listOnAgenda(manager, owed.assemblyId);
        const pending = agenda.filter((application) => owed.applicationIds.includes(application.id));
        const recipients = await this.audiences.delegatesOf(manager, [owed.governmentId]);
        await this.outbox.add(manager, {
          event: 'vote-reminder',
          applicationId: null,
          data: {
            sessionName: sessionName(session),
            sessionWhen: sessionWhen(session),
            session: sessionFacts(session),
            applications: await this.listed(manager, pending),
          },
          recipients,
        });
      }
      return claimed.length;
    });
  }

  /** The reminders, with the agenda, to the delegates of every member before a meeting. */
  async sendDueMeetingReminders(now = new Date()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const members = await this.governments.list({ status: 'member' }, manager);
      const claimed = await claimDueMeetingReminders(
        manager,
        now,
        members.map((member) => member.id),
      );
      const sessions = new Map<string, Session>();
      for (const owed of claimed) {
        const session = sessions.get(owed.assemblyId) ?? (await this.sessions.get(owed.assemblyId, manager));
        sessions.set(session.id, session);
        const recipients = await this.audiences.delegatesOf(manager, [owed.governmentId]);
        if (recipients.length === 0) continue;
        await this.outbox.add(manager, {
          event: 'meeting-reminder',
          applicationId: null,
          data: {
            sessionName: sessionName(session),
            sessionWhen: sessionWhen(session),
            session: sessionFacts(session),
            agenda: (await this.listed(manager, await applications.listOnAgenda(manager, session.id))) || '—',
          },
          recipients,
        });
      }
      return claimed.length;
    });
  }

  /** Applications one per line: the reference and the applicant's English name. */
  private async listed(manager: EntityManager, listed: Application[]): Promise<string> {
    const ids = [...new Set(listed.map((application) => application.governmentId))];
    const names = new Map((await this.governments.listByIds(ids, manager)).map((government) => [government.id, government.nameEn]));
    return listed.map((application) => `${application.reference}: ${names.get(application.governmentId) ?? ''}`).join('\n');
  }
}
