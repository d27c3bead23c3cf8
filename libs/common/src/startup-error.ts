/** A reason the process cannot start, worded as the one line printed before it exits non-zero. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
