import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { InformationReminders, SessionReminders } from '@near/admission';
import { JobName, WORKER_LOCKS, QueueName } from '@near/queue';

/** Thin: each tick sends what is due; a failed tick is simply the next one's work. */
@Processor(QueueName.Reminders, { ...WORKER_LOCKS })
export class RemindersProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(RemindersProcessor.name);

  constructor(
    private readonly reminders: SessionReminders,
    private readonly informationReminders: InformationReminders,
  ) {
    super();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Queue connection: ${error.message}`);
  }

  async process(job: Job): Promise<unknown> {
    if (job.name !== JobName.SendDueReminders) throw new UnrecoverableError(`No handler for job ${job.name}`);
    const sent = await this.reminders.sendDue();
    if (sent > 0) this.logger.log(`Reminders sent to ${sent} government(s)`);
    const reminded = await this.informationReminders.sendDue();
    if (reminded > 0) this.logger.log(`Requests for information recalled to ${reminded} applicant contact(s)`);
    return sent + reminded;
  }
}
