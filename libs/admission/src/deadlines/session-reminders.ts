import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserDirectory } from '@near/identity';
import { NotificationOutbox } from '@near/notifications';
import { GovernmentsService } from '@near/registry';
import { claimDueVoteReminders, SessionsService } from '@near/voting';
import * as applications from '../application.repository.js';
import { sessionFacts, sessionName, sessionWhen } from '../notices/application-notices.service.js';

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
    private readonly directory: UserDirectory,
    private readonly outbox: NotificationOutbox,
  ) {}

  /** The reminders to delegates of governments that have not voted in an open written procedure; answers how many governments got one. */
  async sendDueVoteReminders(now = new Date()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = await claimDueVoteReminders(manager, now);
      for (const owed of claimed) {
        const session = await this.sessions.get(owed.assemblyId, manager);
        const agenda = await applications.listOnAgenda(manager, owed.assemblyId);
        const pending = agenda.filter((application) => owed.applicationIds.includes(application.id));
        const named = new Map(
          (await this.governments.listByIds([...new Set(pending.map((application) => application.governmentId))], manager)).map(
            (government) => [government.id, government.nameEn],
          ),
        );
        const recipients = await this.directory.recipients(manager, { role: 'delegate', governmentIds: [owed.governmentId] });
        await this.outbox.add(manager, {
          event: 'vote-reminder',
          applicationId: null,
          data: {
            sessionName: sessionName(session),
            sessionWhen: sessionWhen(session),
            session: sessionFacts(session),
            applications: pending.map((application) => `${application.reference}: ${named.get(application.governmentId) ?? ''}`).join('\n'),
          },
          recipients,
        });
      }
      return claimed.length;
    });
  }
}
