import { createReadStream, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { keptCheckpointNote } from '../../../libs/audit/src/log/kept-checkpoint.js';
import { CompactRange } from '../../../libs/audit/src/log/merkle.js';
import {
  type Checkpoint,
  type NoteVerifier,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  splitNote,
} from '../../../libs/audit/src/log/signed-note.js';
import { type LeafBatch, stateChangesOf } from './leaf-lines.js';
import { WorkflowCheck } from './workflow-check.js';
import { BallotCheck } from './ballot-check.js';
import { checkReceipt } from './receipt-check.js';
import { readGivenFile } from './unreadable-file.js';

export const BUNDLE_FORMAT = 'near-transparency-log-bundle/1';

export interface Verdict {
  ok: boolean;
  /** One line: what holds, or the first thing that fails and why. */
  lines: string[];
  entries: number;
  seconds: number;
}

export interface VerifyOptions {
  /** Files of checkpoints held outside the server (--checkpoint): each must be met by the bundle's entries. */
  held?: readonly string[];
  /** Files of delegates' receipts (--receipt). */
  receipts?: readonly string[];
  /** Files of the verifier keys the member trusts (--key): when given, no other key may have signed a checkpoint. */
  trustedKeys?: readonly string[];
}

class Failure extends Error {}

/** A verifier key as written (one line of keys.txt, or of a file given with --key) and read. */
interface Key {
  line: string;
  verifier: NoteVerifier;
}

/** Reads verifier keys, one a line; an error names the line of one that is not a key. */
function keysOf(text: string): Key[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i) => {
      try {
        return { line, verifier: parseVerifierKey(line) };
      } catch (error) {
        throw new Error(`line ${i + 1}: ${(error as Error).message}`, { cause: error });
      }
    });
}

/** Opens a note with whichever of `keys` signed it, answering which; `none` says whose keys they are when none did. */
function openCheckpoint(note: string, keys: readonly Key[], what: string, none: string): { checkpoint: Checkpoint; by: number } {
  let why = none;
  for (const [by, { verifier }] of keys.entries()) {
    try {
      const checkpoint = parseCheckpoint(openNote(note, verifier));
      if (checkpoint.origin !== verifier.name) throw new Error(`its origin ${checkpoint.origin} is not the key's name ${verifier.name}`);
      return { checkpoint, by };
    } catch (error) {
      if (!(error as Error).message.startsWith('no signature by')) why = (error as Error).message;
    }
  }
  if (why === none) {
    // Name the keys that did sign it (name and key hash), to compare with keys.txt and with the key one trusts.
    const by = splitNote(note).signatures.map(({ name, signature }) => `${name}+${signature.subarray(0, 4).toString('hex')}`);
    if (by.length > 0) why += `: its signatures are by ${[...new Set(by)].join(', ')}`;
  }
  throw new Failure(`${what}: ${why}`);
}

/** A kept checkpoint's note, refused as unreadable (exit 2) unless it is shaped as a checkpoint: its signature decides the rest. */
function keptCheckpoint(text: string): string {
  const note = keptCheckpointNote(text);
  parseCheckpoint(splitNote(note).body);
  return note;
}

/** "sizes 0 to 81" or "size 81". */
function sizesOf(sizes: readonly number[]): string {
  return sizes.length === 1 ? `size ${sizes[0]}` : `sizes ${sizes[0]} to ${sizes[sizes.length - 1]}`;
}

/** Reads a file of JSON lines without holding it whole, handing each line to `onLine` synchronously. */
async function forEachLine(path: string, onLine: (line: string) => void): Promise<void> {
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 22 })) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      onLine(text.slice(start, end));
      start = end + 1;
    }
    rest = text.slice(start);
  }
  if (rest.length > 0) onLine(rest);
}

/** Hashes batches of entry lines in worker threads, handing the results back in order. */
class LeafPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, (batch: LeafBatch) => void>();
  private nextId = 0;
  private turn = 0;

  constructor(size: number, cuts: Float64Array) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(new URL('./leaf-worker.js', import.meta.url), { workerData: { cuts } });
      worker.on('message', ({ id, batch }: { id: number; batch: LeafBatch }) => {
        this.waiting.get(id)!(batch);
        this.waiting.delete(id);
      });
      return worker;
    });
  }

  /** Hands the buffer over to a worker (it is no longer usable here): its first `length` bytes are whole lines. */
  hash(bytes: Buffer, length: number, first: number): Promise<LeafBatch> {
    const id = this.nextId++;
    const done = new Promise<LeafBatch>((resolve) => this.waiting.set(id, resolve));
    this.workers[this.turn++ % this.workers.length].postMessage({ id, bytes, length, first }, [bytes.buffer as ArrayBuffer]);
    return done;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** Bytes read from the entries at a time: whole lines of them go to a worker. */
const CHUNK_BYTES = 1 << 22;

function countLines(bytes: Buffer, length: number): number {
  let lines = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0 && at < length; at = bytes.indexOf(0x0a, at + 1)) lines += 1;
  return lines;
}

/**
 * Checks a bundle written by `npm run log:export`, with no database and no server: the signature of every
 * checkpoint; every leaf's data hashed into the tree, whose root must be each checkpoint's at its size; every
 * checkpoint held outside (`held`) against the bundle's entries (the same root at its size, so the bundle's
 * latest tree extends it); and each application's states against the workflow table.
 */
export async function verifyBundle(directory: string, options: VerifyOptions = {}): Promise<Verdict> {
  const { held = [], receipts = [], trustedKeys = [] } = options;
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  let entries = 0;
  try {
    const meta = JSON.parse(readFileSync(join(directory, 'bundle.json'), 'utf8')) as { format?: string; treeSize?: number };
    if (meta.format !== BUNDLE_FORMAT) throw new Failure(`bundle.json: not a bundle of format ${BUNDLE_FORMAT}`);
    // Files given on the command line are read before the bundle's work, so that one that cannot be read stops it at once.
    const receiptFiles = receipts.map((file) => ({ file, receipt: readGivenFile(file, 'receipt', (text): unknown => JSON.parse(text)) }));
    const trusted = trustedKeys.flatMap((file) =>
      readGivenFile(file, 'key', (text) => {
        const given = keysOf(text);
        if (given.length === 0) throw new Error('it holds no verifier key');
        return given;
      }),
    );
    const keptNotes = held.map((file) => ({ file, note: readGivenFile(file, 'checkpoint', keptCheckpoint) }));
    let bundleKeys: Key[];
    try {
      bundleKeys = keysOf(readFileSync(join(directory, 'keys.txt'), 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code) throw error;
      throw new Failure(`keys.txt ${(error as Error).message}`);
    }
    // The keys a checkpoint may be signed by: those the member gave, or else the bundle's, to be compared by eye.
    const pinned = trusted.length > 0;
    const keys = pinned ? trusted : bundleKeys;
    const none = pinned ? 'no key you gave with --key signed it' : 'no key of the bundle signed it';
    const signedBy = keys.map((): number[] => []);

    // Every checkpoint, signature first; they must come in increasing size.
    const checkpoints: Checkpoint[] = [];
    await forEachLine(join(directory, 'checkpoints.ndjson'), (line) => {
      const { size, note } = JSON.parse(line) as { size: number; note: string };
      const { checkpoint, by } = openCheckpoint(note, keys, `checkpoint of size ${size}`, none);
      signedBy[by].push(size);
      if (checkpoint.size !== size) throw new Failure(`checkpoint of size ${size}: its note says size ${checkpoint.size}`);
      if (checkpoints.length > 0 && size <= checkpoints[checkpoints.length - 1].size)
        throw new Failure(`checkpoint of size ${size}: out of order`);
      checkpoints.push(checkpoint);
    });
    if (checkpoints.length === 0) throw new Failure('checkpoints.ndjson: no checkpoint');
    const latest = checkpoints[checkpoints.length - 1];
    if (meta.treeSize !== latest.size) {
      throw new Failure(
        `bundle.json says the tree has ${meta.treeSize} entries; the latest checkpoint in checkpoints.ndjson has ${latest.size}`,
      );
    }

    // Checkpoints held outside the server, by the size at which their root must be met.
    const outside = new Map<number, { file: string; checkpoint: Checkpoint }[]>();
    for (const { file, note } of keptNotes) {
      const { checkpoint } = openCheckpoint(note, keys, `checkpoint ${file}`, none);
      if (checkpoint.size > latest.size) {
        throw new Failure(
          `checkpoint ${file} (size ${checkpoint.size}) is larger than the bundle's latest (size ${latest.size}): the bundle ` +
            'is older than it. Ask for a newer bundle; a server that has none as large lost entries it had signed',
        );
      }
      outside.set(checkpoint.size, [...(outside.get(checkpoint.size) ?? []), { file, checkpoint }]);
    }

    const range = new CompactRange();
    const workflow = new WorkflowCheck();
    const ballots = new BallotCheck();
    let next = 0;
    const atSize = (size: number, seq: number | undefined) => {
      const signed = checkpoints[next];
      if (signed?.size !== size && !outside.has(size)) return;
      const root = range.root();
      if (signed?.size === size) {
        if (!signed.root.equals(root)) {
          if (size === 0) throw new Failure("checkpoint of size 0: its root is not the empty tree's");
          // Every checkpoint before it matched: the leaf that differs lies after the last of them.
          const from = next > 0 ? checkpoints[next - 1].size : 0;
          const since = next > 0 ? `the checkpoint before it (size ${from}) matched, so ` : '';
          throw new Failure(
            `checkpoint of size ${size}: its root does not match the bundle's entries; ${since}one of leaves ${from} to ` +
              `${size - 1}${seq ? ` (the last is audit event ${seq})` : ''} is not what was signed`,
          );
        }
        next += 1;
      }
      for (const { file, checkpoint } of outside.get(size) ?? []) {
        if (!checkpoint.root.equals(root)) {
          throw new Failure(
            `checkpoint ${file} (size ${size}) is INCONSISTENT with the bundle: its first ${size} entries give another tree, so the log was rewritten at or before size ${size}`,
          );
        }
      }
    };
    atSize(0, undefined);
    // Worker threads read and hash the leaves into perfect subtrees (the costly part), cut at every size a root
    // is checked at; this thread reads the file, appends the subtrees in order and checks the workflow and the
    // checkpoints.
    const cuts = Float64Array.from(new Set([...checkpoints.map((checkpoint) => checkpoint.size), ...outside.keys()])).sort();
    const pool = new LeafPool(Math.max(1, Math.min(4, availableParallelism())), cuts);
    const inFlight: Promise<LeafBatch>[] = [];
    let sent = 0;
    const take = (batch: LeafBatch, first: number) => {
      const states = stateChangesOf(batch.states);
      let state = 0;
      for (const piece of batch.pieces) {
        // log:export writes the entries of its latest checkpoint and no more: no signature covers any later line.
        if (piece.end > latest.size) {
          throw new Failure(
            `entries.ndjson goes on past leaf ${latest.size - 1}, the last that the latest checkpoint (size ${latest.size}) signs: ` +
              'no checkpoint signs the lines after it, which log:export never writes, so the file was changed after the export',
          );
        }
        for (let i = 0; i < piece.levels.length; i += 1) {
          range.appendSubtree(piece.levels[i], Buffer.from(piece.hashes.buffer, piece.hashes.byteOffset + i * 32, 32));
        }
        for (; state < states.length && first + states[state].at < piece.end; state += 1) {
          const { at, entry, ballot } = states[state];
          if (!entry) throw new Failure(`leaf ${first + at}: its data is not an entry`);
          const why = workflow.check(entry) ?? (ballot && ballots.take(ballot, first + at));
          if (why) throw new Failure(`entry ${entry.seq} (leaf ${first + at}): ${why}`);
        }
        entries = piece.end;
        const signed = checkpoints[next];
        if (signed?.size === entries || outside.has(entries)) atSize(entries, piece.lastSeq || undefined);
      }
      if (batch.error) throw new Failure(batch.error);
    };
    const file = await open(join(directory, 'entries.ndjson'), 'r');
    try {
      // Whole lines go to the workers as bytes, their buffer handed over: this thread only counts the lines.
      const firsts: number[] = [];
      const send = async (bytes: Buffer, length: number) => {
        const lines = countLines(bytes, length) + (bytes[length - 1] === 0x0a ? 0 : 1);
        inFlight.push(pool.hash(bytes, length, sent));
        firsts.push(sent);
        sent += lines;
        if (inFlight.length >= 8) take(await inFlight.shift()!, firsts.shift()!);
      };
      let rest = Buffer.alloc(0);
      for (;;) {
        const bytes = Buffer.allocUnsafeSlow(CHUNK_BYTES + rest.length);
        rest.copy(bytes, 0);
        const { bytesRead } = await file.read(bytes, rest.length, CHUNK_BYTES, null);
        const filled = rest.length + bytesRead;
        // The entries hold JSON with base64 data: a carriage return is never in them.
        const cr = bytes.indexOf(0x0d, rest.length);
        if (cr >= 0 && cr < filled) {
          throw new Failure(
            'entries.ndjson holds carriage returns (Windows line endings), which log:export never writes: the file was ' +
              'changed after the export, perhaps copied as text. Copy the bundle again as it was written (as binary files)',
          );
        }
        if (bytesRead === 0) {
          if (filled > 0) await send(bytes, filled);
          break;
        }
        const cut = bytes.lastIndexOf(0x0a, filled - 1) + 1;
        // A line longer than a chunk: read on until it ends.
        rest = Buffer.from(bytes.subarray(cut, filled));
        if (cut > 0) await send(bytes, cut);
      }
      while (inFlight.length > 0) take(await inFlight.shift()!, firsts.shift()!);
    } finally {
      await file.close();
      await pool.close();
    }
    if (entries < latest.size) throw new Failure(`entries.ndjson ends at ${entries} entries; the latest checkpoint has ${latest.size}`);
    if (next < checkpoints.length) throw new Failure(`checkpoint of size ${checkpoints[next].size}: beyond the bundle's entries`);

    const receiptVerdicts = receiptFiles.map(({ file, receipt }) =>
      checkReceipt(
        file,
        receipt,
        ballots,
        checkpoints.map((checkpoint) => checkpoint.size),
      ),
    );
    return {
      ok: receiptVerdicts.every((verdict) => verdict.ok),
      entries,
      seconds: seconds(),
      lines: [
        `log ${latest.origin}: VALID`,
        `  ${entries} entries, each hashed into its leaf (${Math.round(entries / Math.max(seconds(), 1e-9))} entries/s)`,
        `  ${checkpoints.length} checkpoints: every signature verified${pinned ? ' with the key(s) you gave (--key)' : ''}, every root recomputed`,
        // Each line was parsed strictly (parseVerifierKey): what is shown is exactly the key that verified.
        ...keys.map(({ line }, i) => {
          const signed = signedBy[i].length > 0 ? `signed ${signedBy[i].length} of them (${sizesOf(signedBy[i])})` : 'signed none of them';
          return `  key ${line}: ${signed}${pinned ? '' : '; compare it with the one you trust'}`;
        }),
        `  ${held.length} checkpoint(s) held outside: each consistent with the latest (size ${latest.size})`,
        `  ${workflow.applications} applications, ${workflow.transitions} transitions: each allowed by the workflow table`,
        `  ${ballots.named} named ballots recounted from their casts, roll and attendance; ${ballots.secret} secret ballots' counted casts checked${ballots.older > 0 ? `; ${ballots.older} from before receipts not recounted` : ''}`,
        `  latest root ${latest.root.toString('base64')}`,
        ...receiptVerdicts.map((verdict) => verdict.line),
      ],
    };
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    return { ok: false, entries, seconds: seconds(), lines: [`log INVALID: ${error.message}`] };
  }
}
