import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { NotificationSender } from '@near/notifications/delivery';
import { JobName, type JobPayloads, NOTIFICATION_CONCURRENCY, QueueName, WORKER_LOCKS } from '@near/queue';

/** Thin: reads the job, sends through the notification sender, lets errors through so BullMQ retries. */
@Processor(QueueName.Notifications, { concurrency: NOTIFICATION_CONCURRENCY, ...WORKER_LOCKS })
export class NotificationsProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(private readonly sender: NotificationSender) {
    super();
  }

  /** On SIGTERM: finish the messages in hand before the mail transport and Redis close beneath them. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Queue connection: ${error.message}`);
  }

  async process(job: Job<JobPayloads[JobName.SendNotification]>): Promise<string> {
    if (job.name !== JobName.SendNotification) throw new UnrecoverableError(`No handler for job ${job.name}`);
    const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.sender.send(job.data.notificationId, isLastAttempt);
  }
}
