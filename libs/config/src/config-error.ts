import { StartupError } from '@near/common';

/** A bad or missing variable, worded as the one line an operator reads before the process exits. */
export class ConfigError extends StartupError {
  constructor(problem: string) {
    super(`configuration error: ${problem}`);
  }
}
