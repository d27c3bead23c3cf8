import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { NotificationSender } from '@near/notifications';
import { JobName, type JobPayloads, QueueName } from '@near/queue';

/** Thin: reads the job, sends through the notification sender, lets errors through so BullMQ retries. */
@Processor(QueueName.Notifications, { concurrency: 20 })
export class NotificationsProcessor extends WorkerHost {
  constructor(private readonly sender: NotificationSender) {
    super();
  }

  async process(job: Job<JobPayloads[JobName.SendNotification]>): Promise<string> {
    if (job.name !== JobName.SendNotification) throw new UnrecoverableError(`No handler for job ${job.name}`);
    const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.sender.send(job.data.notificationId, isLastAttempt);
  }
}
