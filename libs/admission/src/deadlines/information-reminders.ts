import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@near/config';
import * as applications from '../application.repository.js';
import { ApplicationNotices } from '../notices/application-notices.service.js';
import { claimDueInformationReminders } from './information-reminder.repository.js';

/**
 * Reminds an application's contact of a request for information still unanswered, at each offset of
 * INFO_REQUEST_REMINDERS after it. As SessionReminders: each reminder recorded (information_reminders_sent) in
 * the transaction of its outbox row, so any worker may run it at any moment and each goes out once.
 */
@Injectable()
export class InformationReminders {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly notices: ApplicationNotices,
  ) {}

  /** Answers how many contacts were reminded. */
  async sendDue(now = new Date()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = await claimDueInformationReminders(manager, now, this.config.infoRequestReminders);
      for (const owed of claimed) {
        const application = await applications.findOrFail(manager, owed.applicationId);
        await this.notices.send(manager, [{ event: 'information-reminder', to: ['applicant-contact'] }], application, {
          message: owed.body,
          requestedAt: new Date(owed.requestedAt).toISOString(),
        });
      }
      return claimed.length;
    });
  }
}
