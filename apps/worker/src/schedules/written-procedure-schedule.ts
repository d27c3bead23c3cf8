import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { sessionName } from '@near/admission';
import { SessionsService } from '@near/voting';
import { closeWrittenProcedureJob, closeWrittenProcedureJobId, JobName, QueueName, SWEEP_INTERVAL_MS } from '@near/queue';
import type { KeptSchedule } from './kept-schedule.js';

/**
 * What Redis must hold for written procedures, derived from PostgreSQL: the periodic sweep, and for each
 * procedure still open the delayed job that closes it at its deadline (at once when the deadline passed
 * while the job was missing). What is there already is left as it is.
 */
@Injectable()
export class WrittenProcedureSchedule implements KeptSchedule {
  readonly name = 'written procedures';

  constructor(
    private readonly assemblies: SessionsService,
    @InjectQueue(QueueName.WrittenProcedures) private readonly queue: Queue,
  ) {}

  async ensure(): Promise<string[]> {
    const restored: string[] = [];
    if (!(await this.queue.getJobScheduler(JobName.SweepWrittenProcedures))) {
      await this.queue.upsertJobScheduler(
        JobName.SweepWrittenProcedures,
        { every: SWEEP_INTERVAL_MS },
        { name: JobName.SweepWrittenProcedures, data: {} },
      );
      restored.push('the sweep');
    }
    const open = await this.assemblies.list({ body: 'written_procedure', status: 'in_session' });
    for (const procedure of open) {
      if (!procedure.deadline || (await this.queue.getJob(closeWrittenProcedureJobId(procedure.id)))) continue;
      const job = closeWrittenProcedureJob(procedure.id, procedure.deadline);
      await this.queue.add(job.name, job.data, job.opts);
      restored.push(`the deadline of the ${sessionName(procedure)}`);
    }
    return restored;
  }
}
