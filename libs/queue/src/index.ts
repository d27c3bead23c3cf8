// Redis and the queues on it: the shared connection, the start-up check, queue and job names with their payloads.
export { REDIS, RedisModule } from './redis.module.js';
export { assertRedisReachable, createRedisConnection } from './redis-connection.js';
export { QueueName, JobName, type JobPayloads, JOBS_OF_QUEUE } from './queues.js';
export {
  NOTIFICATION_CONCURRENCY,
  RETRY_POLICY,
  SCHEDULE_CHECK_INTERVAL_MS,
  SWEEP_INTERVAL_MS,
  REMINDER_INTERVAL_MS,
  DOCUMENT_INTERVAL_MS,
  LOG_INTEGRATION_INTERVAL_MS,
  WORKER_LOCKS,
  notificationRetryPolicy,
} from './retry-policy.js';
export { closeWrittenProcedureJob, closeWrittenProcedureJobId } from './written-procedure-jobs.js';
export { QueuesModule } from './queues.module.js';
