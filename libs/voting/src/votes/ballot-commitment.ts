import { createHash, randomBytes } from 'node:crypto';

// A cast's commitment, as docs/voting.md ("The commitment") writes it. Node's standard library only: the offline
// verifier (apps/verifier) computes it with this same file.

/** What a delegate keeps of a cast: enough to recompute its commitment and find it in the log. */
export interface BallotReceipt {
  voteId: string;
  governmentId: string;
  choice: string;
  /** 32 random bytes, lower-case hex (64 digits). */
  nonce: string;
  /** SHA-256 of the layout below, lower-case hex (64 digits). */
  commitment: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX_32_BYTES = /^[0-9a-f]{64}$/;

/**
 * SHA-256( vote id (16 bytes) ‖ government id (16 bytes) ‖ length of the choice (1 byte) ‖ the choice (ASCII) ‖
 * nonce (32 bytes) ). The ids are the 16 bytes of the UUID, the choice `yes`, `no` or `abstain`.
 */
export function commitmentOf(voteId: string, governmentId: string, choice: string, nonce: string): string {
  if (!UUID.test(voteId) || !UUID.test(governmentId)) throw new RangeError('vote and government ids must be lower-case UUIDs');
  if (!/^[a-z]{1,255}$/.test(choice)) throw new RangeError('a choice is 1 to 255 lower-case ASCII letters');
  if (!HEX_32_BYTES.test(nonce)) throw new RangeError('a nonce is 32 bytes in 64 lower-case hex digits');
  return createHash('sha256')
    .update(Buffer.from(voteId.replaceAll('-', ''), 'hex'))
    .update(Buffer.from(governmentId.replaceAll('-', ''), 'hex'))
    .update(Buffer.from([choice.length]))
    .update(Buffer.from(choice, 'ascii'))
    .update(Buffer.from(nonce, 'hex'))
    .digest('hex');
}

/** A new receipt: a fresh nonce at every cast, so no two commitments are ever the same. */
export function newReceipt(voteId: string, governmentId: string, choice: string): BallotReceipt {
  const nonce = randomBytes(32).toString('hex');
  return { voteId, governmentId, choice, nonce, commitment: commitmentOf(voteId, governmentId, choice, nonce) };
}
