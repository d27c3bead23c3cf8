import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { withTimeout } from '@near/common';
import { AppConfig } from '@near/config';
import { JobName, type JobPayloads, notificationRetryPolicy, QueueName } from '@near/queue';
import * as notifications from './notification.repository.js';

const BATCH = 200;
const ENQUEUE_TIMEOUT_MS = 5_000;

/**
 * Moves committed outbox rows into the queue. Rows are claimed with FOR UPDATE SKIP LOCKED, so several
 * workers relay side by side, and the job id is the notification id, so a row queued twice is one job.
 * A row queued but not sent within NOTIFICATION_REQUEUE_AFTER_SECONDS is queued again: that is how a
 * Redis that came back empty still gets its e-mail out. (A job held by a worker that died is still in
 * Redis: BullMQ's stalled-job check hands it to another worker, see WORKER_LOCKS.)
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      if (this.stopped) return;
      this.running = this.relayAll()
        .catch((error: unknown) => this.logger.warn(`Relay paused: ${(error as Error).message}`))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.config.notifications.relayIntervalMs);
        });
    };
    tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Relays until nothing is due; returns how many rows went into the queue. */
  async relayAll(): Promise<number> {
    let total = 0;
    for (let moved = await this.relayOnce(); moved > 0; moved = await this.relayOnce()) total += moved;
    return total;
  }

  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await notifications.claimDue(manager, this.config.notifications.requeueAfterSeconds, BATCH);
      if (due.length === 0) return 0;
      const policy = notificationRetryPolicy(this.config.notifications.attempts, this.config.notifications.backoffMs);
      const jobs = due.map((id) => ({
        name: JobName.SendNotification,
        data: { notificationId: id } satisfies JobPayloads[JobName.SendNotification],
        // Completed and failed jobs are removed: the outbox row keeps the record, and a retry can reuse the id.
        opts: { jobId: id, ...policy, removeOnComplete: true, removeOnFail: true },
      }));
      await withTimeout(this.queue.addBulk(jobs), ENQUEUE_TIMEOUT_MS, 'Redis did not take the jobs');
      // Only once Redis has them: a failure above rolls back, and the rows stay due.
      await notifications.markQueued(manager, due);
      return due.length;
    });
  }
}
