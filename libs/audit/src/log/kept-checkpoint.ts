// A checkpoint as a member keeps it: the text between the markers of a decision e-mail, or an answer of
// GET /log/checkpoint, saved to a file. Node's standard library only: the offline verifier reads it at run time.

/** The markers around the checkpoint in a decision e-mail, each on a line of its own. */
export const CHECKPOINT_BEGIN = '-----BEGIN NEAR LOG CHECKPOINT-----';
export const CHECKPOINT_END = '-----END NEAR LOG CHECKPOINT-----';

/**
 * The signed note in a kept file, however it was saved: with or without the markers (and the e-mail around
 * them), with Windows line endings or a byte order mark, blank lines around it, or without its last newline.
 * Only how the text was stored changes; its signature still decides whether it is the log's. A file with more
 * than one checkpoint between markers is refused: the verifier would check one and seem to vouch for all.
 */
export function keptCheckpointNote(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const begins = lines.flatMap((line, at) => (line.trim() === CHECKPOINT_BEGIN ? [at] : []));
  if (begins.length > 1) throw new Error(`it holds ${begins.length} checkpoints: keep each in a file of its own`);
  let note = lines;
  if (begins.length === 1) {
    const end = lines.findIndex((line, at) => at > begins[0] && line.trim() === CHECKPOINT_END);
    note = lines.slice(begins[0] + 1, end < 0 ? undefined : end);
  }
  return `${note
    .join('\n')
    .replace(/^\s*\n/, '')
    .trimEnd()}\n`;
}
