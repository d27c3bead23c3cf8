// A worker thread of the verifier: turns batches of entry lines into leaf hashes (see leaf-lines.ts).
import { parentPort } from 'node:worker_threads';
import { readLeafLines } from './leaf-lines.js';

parentPort!.on('message', ({ id, text, first }: { id: number; text: string; first: number }) => {
  const batch = readLeafLines(text, first);
  parentPort!.postMessage({ id, batch }, [batch.hashes.buffer, batch.seqs.buffer]);
});
