import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { LogIntegrator } from '@near/audit';
import { JobName, QueueName, WORKER_LOCKS } from '@near/queue';

/** Thin: each tick integrates what is pending; another worker holding the integrator's lock makes it a no-op. */
@Processor(QueueName.TransparencyLog, { ...WORKER_LOCKS })
export class TransparencyLogProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(TransparencyLogProcessor.name);

  constructor(private readonly integrator: LogIntegrator) {
    super();
  }

  /** On SIGTERM: finish the batch in hand (one transaction) before the database closes beneath it. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Queue connection: ${error.message}`);
  }

  async process(job: Job): Promise<unknown> {
    if (job.name !== JobName.IntegrateLog) throw new UnrecoverableError(`No handler for job ${job.name}`);
    const result = await this.integrator.integrateAll();
    if (result.outcome === 'integrated') this.logger.debug(`Integrated ${result.leaves} entries; tree size ${result.treeSize}`);
    return result;
  }
}
