// A worker thread of the verifier: turns batches of entry lines into perfect subtrees (see leaf-lines.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { readLeafLines } from './leaf-lines.js';

/** The sizes at which the main thread checks a root (every checkpoint's), sorted. */
const cuts = (workerData as { cuts: Float64Array }).cuts;

parentPort!.on('message', ({ id, bytes, length, first }: { id: number; bytes: Uint8Array; length: number; first: number }) => {
  const batch = readLeafLines(Buffer.from(bytes.buffer, bytes.byteOffset, length), first, cuts);
  parentPort!.postMessage(
    { id, batch },
    batch.pieces.map((piece) => piece.hashes.buffer),
  );
});
