/**
 * Every PostgreSQL advisory lock key the system takes, in one place so that two purposes never share one.
 * Session locks (pg_advisory_lock) are held across transactions; the others (pg_advisory_xact_lock) end with theirs.
 */
export enum AdvisoryLock {
  /** Session lock: one process applies migrations while the others wait. */
  Migrations = 7_469_001,
  /** Transaction lock: one worker at a time integrates audit entries into the log's tree (changes never take it). */
  LogIntegrator = 7_469_002,
  /** Transaction lock: demo data is seeded once however many processes start together. */
  DemoData = 7_469_003,
}
