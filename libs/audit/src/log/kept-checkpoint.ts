// A checkpoint as a member keeps it: the text between the markers of a decision e-mail, or an answer of
// GET /log/checkpoint, saved to a file. Node's standard library only: the offline verifier reads it at run time.

/** The markers around the checkpoint in a decision e-mail. */
export const CHECKPOINT_BEGIN = '-----BEGIN NEAR LOG CHECKPOINT-----';
export const CHECKPOINT_END = '-----END NEAR LOG CHECKPOINT-----';

/**
 * The signed note in a kept file, however it was saved: with or without the markers, with Windows line endings,
 * blank lines around it, or without its last newline. Only how the text was stored changes; its signature still
 * decides whether it is the log's.
 */
export function keptCheckpointNote(text: string): string {
  let note = text.replace(/\r\n?/g, '\n');
  const begin = note.indexOf(CHECKPOINT_BEGIN);
  if (begin >= 0) {
    const end = note.indexOf(CHECKPOINT_END, begin);
    note = note.slice(note.indexOf('\n', begin) + 1, end < 0 ? undefined : end);
  }
  return `${note.replace(/^\s*\n/, '').trimEnd()}\n`;
}
