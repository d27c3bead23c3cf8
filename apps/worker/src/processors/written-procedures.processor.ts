import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { WrittenProcedureCloser } from '@near/admission';
import { JobName, type JobPayloads, JOBS_OF_QUEUE, QueueName, WORKER_LOCKS } from '@near/queue';

type Handlers = { [J in (typeof JOBS_OF_QUEUE)[QueueName.WrittenProcedures][number]]: (data: JobPayloads[J]) => Promise<unknown> };

/** Thin: reads the job, calls the closer, lets errors through so BullMQ retries. */
@Processor(QueueName.WrittenProcedures, { ...WORKER_LOCKS })
export class WrittenProceduresProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WrittenProceduresProcessor.name);
  private readonly handlers: Handlers;

  constructor(private readonly closer: WrittenProcedureCloser) {
    super();
    this.handlers = {
      [JobName.CloseWrittenProcedure]: async ({ assemblyId }) => {
        const result = await this.closer.closeIfDue(assemblyId);
        // Fired before the deadline (clocks differ between machines): fail, so BullMQ retries with backoff.
        if (result === 'not-due') throw new Error(`Written procedure ${assemblyId} is not due yet`);
        return result;
      },
      [JobName.SweepWrittenProcedures]: () => this.closer.closeAllDue(),
    };
    const missing = JOBS_OF_QUEUE[QueueName.WrittenProcedures].filter((name) => !this.handlers[name]);
    if (missing.length > 0) throw new Error(`No handler for the jobs ${missing.join(', ')}`);
  }

  /** On SIGTERM: finish the closing in hand before the database and Redis close beneath it. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Queue connection: ${error.message}`);
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as keyof Handlers] as ((data: unknown) => Promise<unknown>) | undefined;
    if (!handler) throw new UnrecoverableError(`No handler for job ${job.name}`);
    const result = await handler(job.data);
    this.logger.log(`${job.name} ${JSON.stringify(job.data)}: ${JSON.stringify(result)}`);
    return result;
  }
}
