import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, type JobPayloads, QueueName, RETRY_POLICY } from '@near/queue';
import type { Assembly } from '@near/voting';

const ENQUEUE_TIMEOUT_MS = 3_000;

/**
 * Schedules the closing of a written procedure as a delayed job, one per procedure (its id is the job id,
 * so scheduling twice adds nothing). If Redis is away, the worker's periodic sweep closes it all the same.
 */
@Injectable()
export class WrittenProcedureDeadlines {
  private readonly logger = new Logger(WrittenProcedureDeadlines.name);

  constructor(@InjectQueue(QueueName.WrittenProcedures) private readonly queue: Queue) {}

  async schedule(procedure: Assembly): Promise<void> {
    const payload: JobPayloads[JobName.CloseWrittenProcedure] = { assemblyId: procedure.id };
    const enqueue = this.queue.add(JobName.CloseWrittenProcedure, payload, {
      // BullMQ refuses ':' in a custom job id.
      jobId: `${JobName.CloseWrittenProcedure}-${procedure.id}`,
      delay: Math.max(0, procedure.deadline!.getTime() - Date.now()),
      ...RETRY_POLICY.deadlineJobs,
      removeOnComplete: 1000,
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ENQUEUE_TIMEOUT_MS)));
    try {
      if ((await Promise.race([enqueue, timeout])) === 'timeout') {
        this.logger.warn(`Redis did not take the deadline job of written procedure ${procedure.number}; the periodic sweep will close it`);
      }
    } catch (error) {
      this.logger.warn(
        `Could not schedule the deadline of written procedure ${procedure.number} (${(error as Error).message}); the sweep will close it`,
      );
    } finally {
      clearTimeout(timer);
    }
  }
}
