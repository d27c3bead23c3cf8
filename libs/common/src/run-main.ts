import { StartupError } from './startup-error.js';

/** Runs a process's main; a StartupError ends it with its one line and exit code 1, anything else with the error. */
export function runMain(processName: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof StartupError) {
      console.error(`${processName}: ${error.message}`);
    } else {
      console.error(`${processName}: failed to start:`, error);
    }
    process.exit(1);
  });
}
