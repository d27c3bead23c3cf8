import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';

/** The one line that says a process is stopping (SIGTERM from its supervisor, say) and finishing what it has in hand. */
@Injectable()
export class ShutdownLog implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  beforeApplicationShutdown(signal?: string): void {
    this.logger.log(`Stopping${signal ? ` on ${signal}` : ''}: finishing the work in hand`);
  }
}
