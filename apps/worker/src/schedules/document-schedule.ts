import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DOCUMENT_INTERVAL_MS, JobName, QueueName } from '@near/queue';
import type { KeptSchedule } from './kept-schedule.js';

/**
 * Documents are made by a repeated job that asks PostgreSQL what is asked for (document_requests): Redis holds
 * no job per document, so a Redis that came back empty loses none; the tick is put back within a check.
 */
@Injectable()
export class DocumentSchedule implements KeptSchedule {
  readonly name = 'documents';

  constructor(@InjectQueue(QueueName.Documents) private readonly queue: Queue) {}

  async ensure(): Promise<string[]> {
    if (await this.queue.getJobScheduler(JobName.IssueDueDocuments)) return [];
    await this.queue.upsertJobScheduler(
      JobName.IssueDueDocuments,
      { every: DOCUMENT_INTERVAL_MS },
      { name: JobName.IssueDueDocuments, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
    return ['the documents'];
  }
}
