import { readFileSync } from 'node:fs';

/** A file given on the command line that cannot be read: exit 2, naming that file rather than the bundle. */
export class UnreadableFile extends Error {}

/** The text of a file given on the command line (a kept checkpoint, a receipt). */
export function readGivenFile(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UnreadableFile(`cannot read the ${what} ${file}: ${(error as Error).message}`);
  }
}
