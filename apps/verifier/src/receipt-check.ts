import { commitmentOf } from '../../../libs/voting/src/votes/ballot-commitment.js';
import type { BallotCheck } from './ballot-check.js';

/** What a receipt check says: `ok` false only when the receipt or the log is wrong (exit 1). */
export interface ReceiptVerdict {
  ok: boolean;
  line: string;
}

const FIELDS = ['voteId', 'governmentId', 'choice', 'nonce', 'commitment'] as const;

/**
 * A delegate's receipt against a verified bundle (docs/voting.md, "Checking a ballot"): its commitment opens to its
 * choice; a cast in the log holds it, for the same vote and government, in a leaf under the signed checkpoints; and
 * the vote's count counted it, or counted a later cast of the same government (named here), or has not run yet.
 */
export function checkReceipt(file: string, parsed: unknown, ballots: BallotCheck, checkpointSizes: readonly number[]): ReceiptVerdict {
  // The file's JSON (verifyBundle reads it: a file that is not JSON is not a receipt, and exits 2 naming it).
  const receipt = parsed as Record<string, unknown> | null;
  const missing = FIELDS.filter((field) => typeof receipt?.[field] !== 'string');
  if (missing.length > 0) return { ok: false, line: `receipt ${file} INVALID: it lacks ${missing.join(', ')}` };
  const { voteId, governmentId, choice, nonce, commitment } = receipt as Record<(typeof FIELDS)[number], string>;
  let opened: string;
  try {
    opened = commitmentOf(voteId, governmentId, choice, nonce);
  } catch (error) {
    return { ok: false, line: `receipt ${file} INVALID: ${(error as Error).message}` };
  }
  if (opened !== commitment) {
    return {
      ok: false,
      line: `receipt ${file} INVALID: its commitment does not open to its vote, government, choice (${choice}) and nonce: the receipt was altered`,
    };
  }
  const cast = ballots.casts.get(commitment);
  if (!cast) return { ok: false, line: `receipt ${file} INVALID: no cast in the log holds its commitment ${commitment}` };
  if (cast.voteId !== voteId || cast.governmentId !== governmentId) {
    return { ok: false, line: `receipt ${file} INVALID: the log holds its commitment for another vote or government (leaf ${cast.leaf})` };
  }
  const signed = checkpointSizes.find((size) => size > cast.leaf);
  const where = `cast at ${cast.occurredAt}, leaf ${cast.leaf}, in the signed checkpoint of size ${signed}`;
  const count = ballots.counts.get(voteId);
  if (!count) return { ok: true, line: `receipt ${file}: RECORDED (${where}); its vote is not counted yet in this bundle` };
  const counted = count.counted.get(governmentId);
  if (counted === commitment) {
    return { ok: true, line: `receipt ${file}: COUNTED (${where}); the close at leaf ${count.leaf} counted it as ${choice}` };
  }
  const later = counted ? ballots.casts.get(counted) : undefined;
  if (later && later.leaf > cast.leaf) {
    return {
      ok: true,
      line: `receipt ${file}: SUPERSEDED (${where}); the later cast at ${later.occurredAt}, leaf ${later.leaf}, commitment ${later.commitment}, was counted instead`,
    };
  }
  return {
    ok: false,
    line: `receipt ${file} INVALID: the log holds the cast (${where}) but the count at leaf ${count.leaf} does not count it`,
  };
}
