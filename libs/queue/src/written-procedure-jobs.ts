import type { JobsOptions } from 'bullmq';
import { JobName, type JobPayloads } from './queues.js';
import { RETRY_POLICY } from './retry-policy.js';

/** One per procedure: BullMQ refuses ':' in a custom job id, and an id already in Redis is not added twice. */
export const closeWrittenProcedureJobId = (assemblyId: string): string => `${JobName.CloseWrittenProcedure}-${assemblyId}`;

/** The delayed job that closes a written procedure at its deadline. */
export function closeWrittenProcedureJob(
  assemblyId: string,
  deadline: Date,
  now = Date.now(),
): { name: JobName.CloseWrittenProcedure; data: JobPayloads[JobName.CloseWrittenProcedure]; opts: JobsOptions } {
  return {
    name: JobName.CloseWrittenProcedure,
    data: { assemblyId },
    opts: {
      jobId: closeWrittenProcedureJobId(assemblyId),
      delay: Math.max(0, deadline.getTime() - now),
      ...RETRY_POLICY.deadlineJobs,
      removeOnComplete: 1000,
    },
  };
}
