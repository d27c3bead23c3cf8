import type { JobsOptions } from 'bullmq';

/** How often and how patiently jobs are retried, in one place. */
export const RETRY_POLICY = {
  deadlineJobs: { attempts: 10, backoff: { type: 'exponential', delay: 2_000 } },
} as const satisfies Record<string, Pick<JobsOptions, 'attempts' | 'backoff'>>;

/** E-mail: retried with exponential backoff from a configurable first delay (NOTIFICATION_BACKOFF_MS). */
export const notificationRetryPolicy = (attempts: number, firstDelayMs: number): Pick<JobsOptions, 'attempts' | 'backoff'> => ({
  attempts,
  backoff: { type: 'exponential', delay: firstDelayMs },
});

export const SWEEP_INTERVAL_MS = 60_000;

/**
 * How often a worker looks in PostgreSQL for reminders that are due: a reminder goes out about this long after
 * its moment at most (plus a schedule check when Redis came back empty). The look is one indexed query.
 */
export const REMINDER_INTERVAL_MS = 1_000;

/**
 * How often a worker looks in PostgreSQL for documents asked for and not yet made (document_requests): a
 * document is made about this long after the event that calls for it. The look is one indexed query.
 */
export const DOCUMENT_INTERVAL_MS = 1_000;

/**
 * How often the log's integrator runs while the worker runs: an entry is in a signed checkpoint about this
 * long after its commit (a checkpoint at least once a second while entries arrive).
 */
export const LOG_INTEGRATION_INTERVAL_MS = 500;

/**
 * How often each worker checks that Redis holds every schedule PostgreSQL calls for (the sweep, each open
 * written procedure's deadline job), and puts back what is missing: a Redis that lost its data delays a
 * timed duty by about this much.
 */
export const SCHEDULE_CHECK_INTERVAL_MS = 2_000;

/**
 * How soon a job held by a worker that died is taken up again: its lock expires after lockDuration and the
 * next stalled check (every stalledInterval) moves it back. Locks are renewed while a job runs, so a slow
 * SMTP server does not trip this; a worker whose event loop is blocked that long does.
 */
export const WORKER_LOCKS = { lockDuration: 10_000, stalledInterval: 5_000 } as const;

/** How many messages one worker sends at once; also how many a worker killed mid-batch can leave sent but unrecorded. */
export const NOTIFICATION_CONCURRENCY = 20;
