import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { withTimeout } from '@near/common';
import { SCHEDULE_CHECK_INTERVAL_MS } from '@near/queue';
import type { KeptSchedule } from './kept-schedule.js';
import { LogIntegrationSchedule } from './log-integration-schedule.js';
import { WrittenProcedureSchedule } from './written-procedure-schedule.js';
import { ReminderSchedule } from './reminder-schedule.js';
import { DocumentSchedule } from './document-schedule.js';

/** Longer than any check should take; a Redis that does not answer must not hold the shutdown for ever. */
const CHECK_TIMEOUT_MS = 10_000;

/**
 * Timed duties are driven by PostgreSQL; Redis only carries the jobs. While the worker runs it checks every
 * SCHEDULE_CHECK_INTERVAL_MS that each schedule is in Redis and puts back what is missing, so a Redis that
 * restarted empty delays a deadline by seconds, not until the next worker start.
 */
@Injectable()
export class ScheduleKeeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ScheduleKeeper.name);
  private readonly schedules: KeptSchedule[];
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    writtenProcedures: WrittenProcedureSchedule,
    logIntegration: LogIntegrationSchedule,
    reminders: ReminderSchedule,
    documents: DocumentSchedule,
  ) {
    this.schedules = [logIntegration, writtenProcedures, reminders, documents];
  }

  onApplicationBootstrap(): void {
    const tick = () => {
      if (this.stopped) return;
      this.running = this.checkAll().finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, SCHEDULE_CHECK_INTERVAL_MS);
      });
    };
    tick();
  }

  /** Before Redis and the database close: a check in hand finishes (or times out) first. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  async checkAll(): Promise<void> {
    for (const schedule of this.schedules) {
      try {
        const restored = await withTimeout(schedule.ensure(), CHECK_TIMEOUT_MS);
        if (restored.length > 0) this.logger.log(`Put back in Redis: ${restored.join(', ')}`);
      } catch (error) {
        this.logger.warn(`Could not check the ${schedule.name} schedule: ${(error as Error).message}`);
      }
    }
  }
}
