import { leafHashOfPrefixed } from '../../../libs/audit/src/log/merkle.js';

// Reading `{"index":N,"data":"<base64>"}` lines into leaf hashes: the verifier's hot loop, run in worker threads.

const LINE_START = '{"index":';
const DATA_START = ',"data":"';
/** How the data of an entry that changes no state ends (keys are sorted, so the states come last). */
const NO_STATES = Buffer.from('"stateAfter":null,"stateBefore":null}');
const SEQ_KEY = Buffer.from('"seq":');
/** Entries that change no state but that the ballot checks read (keys are sorted, so the action comes first). */
const CAST = Buffer.from('{"action":"ballot.cast"');
const COMMITMENT = Buffer.from('"commitment":"');
const ATTENDANCE = Buffer.from('{"action":"assembly.attendance-recorded"');

export interface LeafBatch {
  /** 32 bytes per leaf, in order. */
  hashes: Uint8Array<ArrayBuffer>;
  /** Each leaf's entry seq (0 when unreadable), for naming it. */
  seqs: Float64Array<ArrayBuffer>;
  /** The leaves that change a state, and those of ballots, by position in the batch, with their data as text. */
  states: { at: number; text: string }[];
  /** How many leaves were read; fewer than the lines when `error` stopped it. */
  count: number;
  error?: string;
}

/** One buffer for every leaf: 0x00, then the data decoded into it (no allocation per entry). */
let scratch = Buffer.alloc(1 << 16);

/** Reads the lines (each ending with "\n"), the first being leaf `first`. */
export function readLeafLines(text: string, first: number): LeafBatch {
  const lineCount = countLines(text);
  const hashes = new Uint8Array(lineCount * 32);
  const seqs = new Float64Array(lineCount);
  const states: LeafBatch['states'] = [];
  let count = 0;
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    start = end < 0 ? text.length : end + 1;
    const expected = first + count;
    const comma = line.indexOf(DATA_START);
    if (!line.startsWith(LINE_START) || comma < 0 || !line.endsWith('"}')) {
      return { hashes, seqs, states, count, error: `entries.ndjson: line ${expected + 1} is not {"index", "data"}` };
    }
    if (Number(line.slice(LINE_START.length, comma)) !== expected) {
      return {
        hashes,
        seqs,
        states,
        count,
        error: `entries.ndjson: leaf ${expected} is missing (found ${line.slice(LINE_START.length, comma)})`,
      };
    }
    const encoded = line.slice(comma + DATA_START.length, -2);
    if (scratch.length < encoded.length) scratch = Buffer.alloc(encoded.length * 2);
    scratch[0] = 0x00;
    const length = 1 + scratch.write(encoded, 1, 'base64');
    hashes.set(leafHashOfPrefixed(scratch.subarray(0, length)), count * 32);
    const data = scratch.subarray(1, length);
    // Values after "seq" are strings or null, whose quotes are escaped: the last `"seq":` is the key.
    const at = data.lastIndexOf(SEQ_KEY);
    seqs[count] =
      at < 0 ? 0 : parseInt(data.toString('latin1', at + SEQ_KEY.length, Math.min(data.length, at + SEQ_KEY.length + 20)), 10) || 0;
    if (!data.subarray(data.length - NO_STATES.length).equals(NO_STATES) || forBallots(data)) {
      states.push({ at: count, text: data.toString('utf8') });
    }
    count += 1;
  }
  return { hashes, seqs, states, count };
}

/** A cast with a commitment (older casts were sealed), or a change of attendance. */
function forBallots(data: Buffer): boolean {
  if (startsWith(data, CAST)) return data.includes(COMMITMENT);
  return startsWith(data, ATTENDANCE);
}

function startsWith(data: Buffer, prefix: Buffer): boolean {
  return data.length >= prefix.length && data.subarray(0, prefix.length).equals(prefix);
}

function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines += 1;
  return text.length > 0 && !text.endsWith('\n') ? lines + 1 : lines;
}
