import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { DocumentIssuer } from '@near/documents/issuing';
import { JobName, QueueName, WORKER_LOCKS } from '@near/queue';

/** Thin: each tick makes what is asked for; a failed tick is simply the next one's work. */
@Processor(QueueName.Documents, { ...WORKER_LOCKS })
export class DocumentsProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(DocumentsProcessor.name);

  constructor(private readonly issuer: DocumentIssuer) {
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
    if (job.name !== JobName.IssueDueDocuments) throw new UnrecoverableError(`No handler for job ${job.name}`);
    const made = await this.issuer.issueDue();
    if (made > 0) this.logger.log(`${made} document(s) made`);
    return made;
  }
}
