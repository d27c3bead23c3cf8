import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, LOG_INTEGRATION_INTERVAL_MS, QueueName } from '@near/queue';
import type { KeptSchedule } from './kept-schedule.js';

/**
 * The log's integrator runs as a repeated job: PostgreSQL holds what waits (log_pending), Redis only carries
 * the tick. One scheduler for all workers; a Redis that came back empty gets it again within a check.
 */
@Injectable()
export class LogIntegrationSchedule implements KeptSchedule {
  readonly name = 'transparency log';

  constructor(@InjectQueue(QueueName.TransparencyLog) private readonly queue: Queue) {}

  async ensure(): Promise<string[]> {
    if (await this.queue.getJobScheduler(JobName.IntegrateLog)) return [];
    await this.queue.upsertJobScheduler(
      JobName.IntegrateLog,
      { every: LOG_INTEGRATION_INTERVAL_MS },
      { name: JobName.IntegrateLog, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
    return ['the log integrator'];
  }
}
