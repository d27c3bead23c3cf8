import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from './queues.js';

/** Without a listener BullMQ prints every reconnect failure to stderr; one warning in the log is enough. */
@Injectable()
export class QueueErrorListeners {
  private readonly logger = new Logger('Queues');

  constructor(
    @InjectQueue(QueueName.WrittenProcedures) writtenProcedures: Queue,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
  ) {
    for (const queue of [writtenProcedures, notifications]) {
      queue.on('error', (error: Error) => this.logger.warn(`${queue.name}: ${error.message}`));
    }
  }
}
