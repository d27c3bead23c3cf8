import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, QueueName, REMINDER_INTERVAL_MS } from '@near/queue';
import type { KeptSchedule } from './kept-schedule.js';

/**
 * Reminders run as a repeated job that asks PostgreSQL what is due (reminders_sent says what went out): Redis
 * holds no job per reminder, so a Redis that came back empty loses none; the tick is put back within a check.
 */
@Injectable()
export class ReminderSchedule implements KeptSchedule {
  readonly name = 'reminders';

  constructor(@InjectQueue(QueueName.Reminders) private readonly queue: Queue) {}

  async ensure(): Promise<string[]> {
    if (await this.queue.getJobScheduler(JobName.SendDueReminders)) return [];
    await this.queue.upsertJobScheduler(
      JobName.SendDueReminders,
      { every: REMINDER_INTERVAL_MS },
      { name: JobName.SendDueReminders, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
    return ['the reminders'];
  }
}
