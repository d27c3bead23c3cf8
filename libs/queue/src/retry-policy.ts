import type { JobsOptions } from 'bullmq';

/** How often and how patiently jobs are retried, in one place. */
export const RETRY_POLICY = {
  deadlineJobs: { attempts: 10, backoff: { type: 'exponential', delay: 2_000 } },
} as const satisfies Record<string, Pick<JobsOptions, 'attempts' | 'backoff'>>;

export const SWEEP_INTERVAL_MS = 60_000;
