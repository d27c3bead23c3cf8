/** A schedule the worker keeps in Redis from what PostgreSQL holds. */
export interface KeptSchedule {
  readonly name: string;
  /** Adds what is missing from Redis; returns what it added, in words for the log. Safe to run in any number of workers at once. */
  ensure(): Promise<string[]>;
}
