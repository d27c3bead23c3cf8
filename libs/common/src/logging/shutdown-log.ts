import { Logger } from '@nestjs/common';

/**
 * The one line that says a process is stopping (SIGTERM from its supervisor, say), before it finishes what it has
 * in hand. Called before the app is made, so that this listener runs ahead of Nest's shutdown hooks, which close
 * every module (a worker waits for its jobs) before any `beforeApplicationShutdown` hook would run.
 */
export function sayWhenStopping(): void {
  const logger = new Logger('Shutdown');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => logger.log(`Stopping on ${signal}: finishing the work in hand`));
  }
}
