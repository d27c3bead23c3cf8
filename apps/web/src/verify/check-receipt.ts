import { commitmentOf, type Receipt } from './commitment.js';
import { type Checkpoint, includes, leafBytes, openCheckpoint } from './log-proof.js';

// "Check my ballot": a receipt against the public log routes, as `npm run log:verify -- DIR --receipt FILE`
// does against a bundle (docs/voting.md, "Checking a ballot").

interface ReceiptLeaf {
  index: number;
  data: string;
  checkpoint: string;
  size: number;
  proof: string[];
}

interface ReceiptLeaves {
  commitment: string;
  cast: ReceiptLeaf;
  count: ReceiptLeaf | null;
}

interface CastEntry {
  occurredAt: string;
  payload: { voteId?: string; governmentId?: string; commitment?: string };
}

interface CountEntry {
  payload: { outcome?: { voteId?: string; counted?: { governmentId: string; commitment: string | null }[] } };
}

export type ReceiptVerdict =
  | { kind: 'altered' }
  | { kind: 'not-found' }
  | { kind: 'invalid'; why: string }
  | { kind: 'recorded'; castAt: string; leaf: number }
  | { kind: 'counted'; castAt: string; leaf: number; countLeaf: number }
  | { kind: 'superseded'; castAt: string; leaf: number; laterAt: string; laterLeaf: number; laterCommitment: string };

async function publicJson<T>(path: string): Promise<T | undefined> {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** The leaf's entry, once its inclusion in its signed checkpoint is proven. */
async function provenEntry<T>(leaf: ReceiptLeaf, key: string): Promise<T> {
  let checkpoint: Checkpoint;
  try {
    checkpoint = await openCheckpoint(leaf.checkpoint, key);
  } catch (error) {
    throw new Invalid(`leaf ${leaf.index}: ${(error as Error).message}`);
  }
  const data = leafBytes(leaf.data);
  if (checkpoint.size !== leaf.size || !(await includes(checkpoint, leaf.index, data, leaf.proof))) {
    throw new Invalid(`leaf ${leaf.index} is not in the signed checkpoint of size ${leaf.size}`);
  }
  return JSON.parse(new TextDecoder().decode(data)) as T;
}

class Invalid extends Error {}

export async function checkReceipt(receipt: Receipt): Promise<ReceiptVerdict> {
  if ((await commitmentOf(receipt)) !== receipt.commitment) return { kind: 'altered' };
  const key = await (await fetch('/log/key')).text();
  try {
    const found = await publicJson<ReceiptLeaves>(`/log/receipts/${receipt.commitment}`);
    if (!found) return { kind: 'not-found' };
    const cast = await provenEntry<CastEntry>(found.cast, key);
    if (
      cast.payload.commitment !== receipt.commitment ||
      cast.payload.voteId !== receipt.voteId ||
      cast.payload.governmentId !== receipt.governmentId
    ) {
      return { kind: 'invalid', why: `leaf ${found.cast.index} records another cast` };
    }
    const mine = { castAt: cast.occurredAt, leaf: found.cast.index };
    if (!found.count) return { kind: 'recorded', ...mine };
    const count = await provenEntry<CountEntry>(found.count, key);
    if (count.payload.outcome?.voteId !== receipt.voteId) return { kind: 'invalid', why: `leaf ${found.count.index} counts another vote` };
    const counted = count.payload.outcome.counted?.find((item) => item.governmentId === receipt.governmentId)?.commitment;
    if (counted === receipt.commitment) return { kind: 'counted', ...mine, countLeaf: found.count.index };
    const later = counted ? await publicJson<ReceiptLeaves>(`/log/receipts/${counted}`) : undefined;
    if (!later) return { kind: 'invalid', why: `the count at leaf ${found.count.index} does not count this cast` };
    const laterCast = await provenEntry<CastEntry>(later.cast, key);
    if (laterCast.payload.governmentId !== receipt.governmentId || later.cast.index <= found.cast.index) {
      return { kind: 'invalid', why: `the count at leaf ${found.count.index} does not count this cast` };
    }
    return { kind: 'superseded', ...mine, laterAt: laterCast.occurredAt, laterLeaf: later.cast.index, laterCommitment: counted! };
  } catch (error) {
    if (error instanceof Invalid) return { kind: 'invalid', why: error.message };
    throw error;
  }
}
