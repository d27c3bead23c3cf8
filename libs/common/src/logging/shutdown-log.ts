import { Logger } from '@nestjs/common';

/**
 * The one line that says a process is stopping (SIGTERM from its supervisor, say), before it finishes what it has
 * in hand. Called before the app is made, so that this listener runs ahead of Nest's shutdown hooks, which close
 * every module (a worker waits for its jobs) before any `beforeApplicationShutdown` hook would run.
 */
export function sayWhenStopping(): void {
  const logger = new Logger('Shutdown');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log(`Stopping on ${signal}: finishing the work in hand`);
      // A listener takes the signal's default action away. Until Nest has enabled its shutdown hooks (while the
      // process is still starting), nothing else would stop the process: the signal is sent again, to no listener.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}
