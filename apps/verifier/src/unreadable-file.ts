import { readFileSync } from 'node:fs';

/** A file given on the command line that cannot be read: exit 2, naming that file rather than the bundle. */
export class UnreadableFile extends Error {}

/**
 * The text of a file given on the command line (a kept checkpoint, a receipt, a trusted key), through `read` when it
 * must be taken apart first; a file that cannot be read, or taken apart, is an UnreadableFile.
 */
export function readGivenFile(file: string, what: string): string;
export function readGivenFile<T>(file: string, what: string, read: (text: string) => T): T;
export function readGivenFile<T>(file: string, what: string, read: (text: string) => T = (text) => text as T): T {
  try {
    return read(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UnreadableFile(`cannot read the ${what} ${file}: ${(error as Error).message}`);
  }
}
