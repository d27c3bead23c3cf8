import { createHash, hash } from 'node:crypto';

// RFC 9162 §2.1: the Merkle Tree Hash of Certificate Transparency 2.0. Node's standard library only, so
// that the offline verifier (apps/verifier) uses this very file at run time with nothing installed.

// One-shot hashing (crypto.hash) on one buffer: a Hash object per call cost the verifier half its time.
const NODE_INPUT = Buffer.alloc(65, 0x01);

/**
 * SHA-256 as a Buffer. Asking crypto.hash for a Buffer allocates an ArrayBuffer for each digest, which costs
 * twice the hashing of a leaf; a 'binary' (latin1) string holds the same 32 bytes, and Buffer.from takes them from
 * its pool. A pooled Buffer keeps its 8 KiB pool alive (Buffer.from(hash) is pooled too): to keep many hashes for
 * long, copy each into memory of its own (Uint8Array.prototype.slice).
 */
function sha256(input: Uint8Array): Buffer {
  return Buffer.from(hash('sha256', input, 'binary'), 'binary');
}

/** SHA-256(0x00 ‖ data): the hash of one leaf. */
export function leafHash(data: Uint8Array): Buffer {
  const input = Buffer.allocUnsafe(data.length + 1);
  input[0] = 0x00;
  input.set(data, 1);
  return sha256(input);
}

/** leafHash for data already written after a 0x00 byte, in a buffer the caller reuses (the verifier's hot loop). */
export function leafHashOfPrefixed(input: Uint8Array): Buffer {
  if (input[0] !== 0x00) throw new Error('A leaf hash input starts with 0x00');
  return sha256(input);
}

/** SHA-256(0x01 ‖ left ‖ right): an interior node (left and right are 32-byte hashes). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== 32 || right.length !== 32)
    return createHash('sha256')
      .update(Buffer.from([0x01]))
      .update(left)
      .update(right)
      .digest();
  NODE_INPUT.set(left, 1);
  NODE_INPUT.set(right, 33);
  return sha256(NODE_INPUT);
}

/** SHA-256 of nothing: the root of the empty tree. */
export const EMPTY_ROOT = createHash('sha256').digest();

/** A perfect subtree: at `level` L, node `index` i covers the leaves [i·2^L, (i+1)·2^L). Level 0 is a leaf. */
export interface NodeId {
  level: number;
  index: number;
}

/** A range of leaves [start, end), the unit the RFC's recursions split. */
export interface LeafRange {
  start: number;
  end: number;
}

/**
 * The perfect subtrees that make up [start, end), left to right (largest first). For the ranges the RFC's
 * recursions produce (start aligned to the next power of two of the length), the Merkle Tree Hash of the
 * range is these hashes folded from the right: MTH = H(a, H(b, H(c, d))).
 */
export function perfectSubtrees({ start, end }: LeafRange): NodeId[] {
  const nodes: NodeId[] = [];
  let at = start;
  while (at < end) {
    let size = 1;
    while (at % (size * 2) === 0 && at + size * 2 <= end) size *= 2;
    nodes.push({ level: Math.log2(size), index: at / size });
    at += size;
  }
  return nodes;
}

/** The hash of a range from the hashes of its perfect subtrees, in the order perfectSubtrees gives them. */
export function foldRange(hashes: readonly Uint8Array[]): Buffer {
  if (hashes.length === 0) return EMPTY_ROOT;
  let hash: Buffer = Buffer.from(hashes[hashes.length - 1]);
  for (let i = hashes.length - 2; i >= 0; i -= 1) hash = nodeHash(hashes[i], hash);
  return hash;
}

/** The largest power of two strictly smaller than n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]): the ranges whose hashes form the inclusion proof of leaf m, in proof order. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  const path: LeafRange[] = [];
  let start = 0;
  let end = size;
  const siblings: LeafRange[] = [];
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (index < start + k) {
      siblings.push({ start: start + k, end });
      end = start + k;
    } else {
      siblings.push({ start, end: start + k });
      start += k;
    }
  }
  // The recursion appends on the way back up: the deepest sibling comes first.
  for (let i = siblings.length - 1; i >= 0; i -= 1) path.push(siblings[i]);
  return path;
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true): the ranges of the consistency proof, in proof order. */
export function consistencyRanges(from: number, to: number): LeafRange[] {
  const reversed: LeafRange[] = [];
  let start = 0;
  let end = to;
  let m = from;
  let complete = true;
  for (;;) {
    const n = end - start;
    if (m === n) {
      if (!complete) reversed.push({ start, end });
      break;
    }
    const k = splitPoint(n);
    if (m <= k) {
      reversed.push({ start: start + k, end });
      end = start + k;
    } else {
      reversed.push({ start, end: start + k });
      start += k;
      m -= k;
      complete = false;
    }
  }
  return reversed.reverse();
}

/**
 * The right edge of a growing tree: the perfect subtrees of [0, size), largest first. Appending a leaf merges
 * equal levels from the right; every merge is a node that is complete from then on, reported to `onNode` so
 * that the caller can store it.
 */
export class CompactRange {
  private readonly stack: (NodeId & { hash: Buffer })[];
  private count: number;

  constructor(
    frontier: readonly (NodeId & { hash: Buffer })[] = [],
    private readonly onNode?: (node: NodeId & { hash: Buffer }) => void,
  ) {
    this.stack = [...frontier];
    this.count = frontier.reduce((total, node) => total + 2 ** node.level, 0);
  }

  get size(): number {
    return this.count;
  }

  append(hash: Buffer): void {
    this.appendSubtree(0, hash);
  }

  /**
   * Appends a perfect subtree of 2^level leaves whose hash is already known (the offline verifier's workers hash
   * whole subtrees). It must start where the range ends, aligned to its size, as a leaf appended 2^level times would.
   */
  appendSubtree(level: number, hash: Buffer): void {
    const width = 2 ** level;
    if (this.count % width !== 0) throw new Error(`A subtree of ${width} leaves cannot start at leaf ${this.count}`);
    let node = { level, index: this.count / width, hash };
    this.count += width;
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].level === node.level) {
      const left = this.stack.pop()!;
      node = { level: node.level + 1, index: left.index / 2, hash: nodeHash(left.hash, node.hash) };
      this.onNode?.(node);
    }
    this.stack.push(node);
  }

  root(): Buffer {
    return foldRange(this.stack.map((node) => node.hash));
  }
}
