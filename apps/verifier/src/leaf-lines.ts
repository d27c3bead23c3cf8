import { leafHashOfPrefixed, nodeHash, perfectSubtrees } from '../../../libs/audit/src/log/merkle.js';
import type { BallotEntry } from './ballot-check.js';
import type { StateChange } from './workflow-check.js';

// Reading `{"index":N,"data":"<base64>"}` lines into the tree: the verifier's hot loop, run in worker threads on
// the file's bytes as read (no text decoding of the whole file, no copy between threads).

const LINE_START = Buffer.from('{"index":');
const DATA_START = Buffer.from(',"data":"');
const NEWLINE = 0x0a;
/** How the data of an entry that changes no state ends (keys are sorted, so the states come last). */
const NO_STATES = Buffer.from('"stateAfter":null,"stateBefore":null}');
const SEQ_KEY = Buffer.from('"seq":');
/** Entries that change no state but that the ballot checks read (keys are sorted, so the action comes first). */
const CAST = Buffer.from('{"action":"ballot.cast"');
const COMMITMENT = Buffer.from('"commitment":"');
const ATTENDANCE = Buffer.from('{"action":"assembly.attendance-recorded"');
/** The actions whose whole entry the ballot checks read (docs/voting.md); of the rest only the state change travels. */
const BALLOT_ACTIONS = new Set(['ballot.cast', 'assembly.attendance-recorded', 'application.open-ballot', 'application.close-ballot']);
const WRITTEN_OTHERWISE =
  'it is not written as log:export writes a leaf ({"index":N,"data":"<standard base64>"}): the file was changed after the export';
/** Values per entry in `LeafBatch.states`. */
const STRIDE = 8;

/**
 * The leaves [first, end) of a batch as perfect subtrees, for the tree to append in order: a batch is cut at
 * every size a checkpoint must be checked at, so that the tree's root can be taken there.
 */
export interface LeafPiece {
  /** The tree's size once the piece is appended. */
  end: number;
  /** The seq of the piece's last entry (0 when unreadable), for naming it. */
  lastSeq: number;
  /** Each subtree's level (2^level leaves), left to right. */
  levels: number[];
  /** 32 bytes per subtree, in the same order. */
  hashes: Uint8Array<ArrayBuffer>;
}

export interface LeafBatch {
  pieces: LeafPiece[];
  /**
   * The leaves that change a state, and those the ballot checks read: JSON of `[at, json, seq, action, entityId,
   * stateBefore, stateAfter, ballotEntry, …]`, eight values for each: its position in the batch, 0 when its data
   * is not JSON (else 1), the rest as its data says, and the whole entry for a ballot's entries (else null). One
   * string per batch: the main thread parses it at once, where structured cloning an object per entry cost it
   * more than the rest of its work.
   */
  states: string;
  /** How many leaves were read; fewer than the lines when `error` stopped it. */
  count: number;
  error?: string;
}

/** One buffer for every leaf: 0x00, then the data decoded into it (no allocation per entry). */
let scratch = Buffer.alloc(1 << 16);

/**
 * Reads the lines of `bytes` (each ending with "\n" or with the buffer), the first being leaf `first`, and
 * hashes them into the perfect subtrees of [first, first + count), cut at each of `cuts` (sorted sizes).
 */
export function readLeafLines(bytes: Buffer, first: number, cuts: Float64Array): LeafBatch {
  const leaves: Buffer[] = [];
  const seqs: number[] = [];
  const states: unknown[] = [];
  let error: string | undefined;
  for (let start = 0; start < bytes.length;) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline < 0 ? bytes.length : newline;
    const lineStart = start;
    start = end + 1;
    const expected = first + leaves.length;
    const comma = bytes.indexOf(DATA_START, lineStart);
    if (
      end - lineStart < LINE_START.length ||
      bytes.compare(LINE_START, 0, LINE_START.length, lineStart, lineStart + LINE_START.length) !== 0 ||
      comma < 0 ||
      comma + DATA_START.length > end - 2 ||
      bytes[end - 2] !== 0x22 ||
      bytes[end - 1] !== 0x7d
    ) {
      error = `entries.ndjson: line ${expected + 1} is not {"index", "data"}`;
      break;
    }
    const index = bytes.toString('latin1', lineStart + LINE_START.length, comma);
    if (index !== String(expected)) {
      error =
        Number(index) === expected
          ? `entries.ndjson: line ${expected + 1}: ${WRITTEN_OTHERWISE}`
          : `entries.ndjson: leaf ${expected} is missing (found ${index})`;
      break;
    }
    const encoded = bytes.toString('latin1', comma + DATA_START.length, end - 2);
    if (scratch.length < encoded.length) scratch = Buffer.alloc(encoded.length * 2);
    scratch[0] = 0x00;
    // The leaf hash's input: 0x00, then the data, which the checks below read in place from offset 1.
    const prefixed = scratch.subarray(0, 1 + scratch.write(encoded, 1, 'base64'));
    // Only the one spelling log:export writes: a line that JSON readers would read otherwise than this loop does
    // (a second "data", characters a lenient base64 decoder skips) would show members other bytes than were hashed.
    // Encoding the bytes again costs a tenth of a regular expression's test of the spelling.
    if (prefixed.toString('base64', 1) !== encoded) {
      error = `entries.ndjson: line ${expected + 1}: ${WRITTEN_OTHERWISE}`;
      break;
    }
    // Values after "seq" are strings or null, whose quotes are escaped: the last `"seq":` is the key.
    const at = prefixed.lastIndexOf(SEQ_KEY);
    seqs.push(
      at < 0 ? 0 : parseInt(prefixed.toString('latin1', at + SEQ_KEY.length, Math.min(prefixed.length, at + SEQ_KEY.length + 20)), 10) || 0,
    );
    if (!endsWith(prefixed, NO_STATES) || forBallots(prefixed)) {
      states.push(leaves.length, ...stateChangeOf(prefixed.toString('utf8', 1)));
    }
    leaves.push(leafHashOfPrefixed(prefixed));
  }
  return { pieces: piecesOf(leaves, seqs, first, cuts), states: JSON.stringify(states), count: leaves.length, ...(error ? { error } : {}) };
}

const NOT_JSON = [0, null, null, null, null, null, null] as const;

/** What the checks read of an entry (only that travels back to the main thread). */
function stateChangeOf(text: string): readonly unknown[] {
  let entry: Partial<StateChange> | null;
  try {
    entry = JSON.parse(text) as Partial<StateChange> | null;
  } catch {
    return NOT_JSON;
  }
  const { seq, action, entityId, stateBefore, stateAfter } = entry ?? {};
  return [1, seq, action, entityId, stateBefore, stateAfter, action !== undefined && BALLOT_ACTIONS.has(action) ? entry : null];
}

/** Reads back the entries of a batch: each with its position in the batch, undefined when not JSON. */
export function stateChangesOf(states: string): { at: number; entry?: StateChange; ballot?: BallotEntry }[] {
  const values = JSON.parse(states) as unknown[];
  const changes: { at: number; entry?: StateChange; ballot?: BallotEntry }[] = [];
  for (let i = 0; i < values.length; i += STRIDE) {
    const ballot = values[i + 7] as BallotEntry | null;
    changes.push({
      at: values[i] as number,
      entry:
        values[i + 1] === 1
          ? {
              seq: values[i + 2] as number,
              action: values[i + 3] as string,
              entityId: values[i + 4] as string,
              stateBefore: values[i + 5] as string | null,
              stateAfter: values[i + 6] as string | null,
            }
          : undefined,
      ballot: ballot ?? undefined,
    });
  }
  return changes;
}

/** A cast with a commitment (older casts were sealed), or a change of attendance. */
function forBallots(prefixed: Buffer): boolean {
  if (startsWith(prefixed, CAST)) return prefixed.includes(COMMITMENT);
  return startsWith(prefixed, ATTENDANCE);
}

function startsWith(prefixed: Buffer, start: Buffer): boolean {
  return prefixed.length > start.length && prefixed.compare(start, 0, start.length, 1, 1 + start.length) === 0;
}

function endsWith(prefixed: Buffer, end: Buffer): boolean {
  return prefixed.length > end.length && prefixed.compare(end, 0, end.length, prefixed.length - end.length) === 0;
}

/** The leaves cut at the sizes in `cuts`, each piece as its perfect subtrees, hashed bottom up. */
function piecesOf(leaves: readonly Buffer[], seqs: readonly number[], first: number, cuts: Float64Array): LeafPiece[] {
  const pieces: LeafPiece[] = [];
  const last = first + leaves.length;
  let cut = lowerBound(cuts, first + 1);
  for (let start = first; start < last;) {
    const end = cut < cuts.length && cuts[cut] < last ? cuts[cut++] : last;
    const subtrees = perfectSubtrees({ start, end });
    const hashes = new Uint8Array(subtrees.length * 32);
    subtrees.forEach((node, i) => {
      const from = node.index * 2 ** node.level - first;
      hashes.set(subtreeHash(leaves, from, 2 ** node.level), i * 32);
    });
    pieces.push({ end, lastSeq: seqs[end - 1 - first], levels: subtrees.map((node) => node.level), hashes });
    start = end;
  }
  return pieces;
}

function subtreeHash(leaves: readonly Buffer[], from: number, width: number): Buffer {
  if (width === 1) return leaves[from];
  let level = Array.from({ length: width / 2 }, (_, i) => nodeHash(leaves[from + 2 * i], leaves[from + 2 * i + 1]));
  while (level.length > 1) level = Array.from({ length: level.length / 2 }, (_, i) => nodeHash(level[2 * i], level[2 * i + 1]));
  return level[0];
}

/** The position of the first value ≥ `value` in the sorted `values`. */
function lowerBound(values: Float64Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
