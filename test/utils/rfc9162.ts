// An implementation of RFC 9162 §2.1 (Merkle tree hash, proof verification) and of C2SP signed-note and
// tlog-checkpoint, written from the specifications for the tests: it shares no code with libs/audit, so the
// tests check the log's checkpoints, signatures and proofs against the specs, not against themselves.
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';

const sha256 = (...parts: Uint8Array[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/** §2.1.1: MTH({}) = SHA-256(); MTH({d0}) = SHA-256(0x00 ‖ d0); MTH(D[n]) = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n])). */
export function merkleTreeHash(leaves: readonly Uint8Array[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return sha256(Buffer.from([0]), leaves[0]);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256(Buffer.from([1]), merkleTreeHash(leaves.slice(0, k)), merkleTreeHash(leaves.slice(k)));
}

export const hashLeaf = (data: Uint8Array) => sha256(Buffer.from([0]), data);
const hashChildren = (left: Uint8Array, right: Uint8Array) => sha256(Buffer.from([1]), left, right);
const lsb = (n: number) => (n & 1) === 1;

/** §2.1.3.2: verifying an inclusion proof. */
export function verifyInclusion(index: number, size: number, leaf: Buffer, proof: readonly Buffer[], root: Buffer): boolean {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (lsb(fn) || fn === sn) {
      r = hashChildren(p, r);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.equals(root);
}

/** §2.1.4.2: verifying a consistency proof. */
export function verifyConsistency(first: number, second: number, firstHash: Buffer, secondHash: Buffer, proof: readonly Buffer[]): boolean {
  if (first === second) return proof.length === 0 && firstHash.equals(secondHash);
  if (first === 0 || first > second) return false;
  const path = (first & (first - 1)) === 0 ? [firstHash, ...proof] : [...proof];
  if (path.length === 0) return false;
  let fn = first - 1;
  let sn = second - 1;
  while (lsb(fn)) {
    fn >>= 1;
    sn >>= 1;
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (lsb(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr.equals(firstHash) && sr.equals(secondHash) && sn === 0;
}

/** The key hash of C2SP signed-note: the first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key). */
const keyHashOf = (name: string, key: Buffer) => sha256(Buffer.from(`${name}\n`), key).subarray(0, 4);

/**
 * A new C2SP signed-note Ed25519 key named `name` (a log's origin): its verifier key line, and how it signs a note's
 * body (which ends with a newline) into a note with one signature line.
 */
export function aSignedNoteKey(name: string): { verifierKey: string; sign: (body: string) => string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const key = Buffer.concat([Buffer.from([0x01]), publicKey.export({ format: 'der', type: 'spki' }).subarray(-32)]);
  const keyHash = keyHashOf(name, key);
  return {
    verifierKey: `${name}+${keyHash.toString('hex')}+${key.toString('base64')}`,
    sign: (body) => `${body}\n\u2014 ${name} ${Buffer.concat([keyHash, sign(null, Buffer.from(body), privateKey)]).toString('base64')}\n`,
  };
}

/** A C2SP signed-note Ed25519 verifier key `<name>+<hex key hash>+<base64(0x01 ‖ key)>`, its hash checked. */
export function readVerifierKey(verifierKey: string): { name: string; keyHash: Buffer; publicKey: KeyObject } {
  const [name, hashHex, ...rest] = verifierKey.trim().split('+');
  const key = Buffer.from(rest.join('+'), 'base64');
  if (key.length !== 33 || key[0] !== 0x01) throw new Error('not an Ed25519 verifier key');
  const keyHash = keyHashOf(name, key);
  if (keyHash.toString('hex') !== hashHex) throw new Error('the key hash does not match');
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.subarray(1).toString('base64url') }, format: 'jwk' });
  return { name, keyHash, publicKey };
}

/**
 * C2SP signed-note with an Ed25519 verifier key `<name>+<hex key hash>+<base64(0x01 ‖ key)>`: returns the
 * note's body when one of its signature lines is by that key and verifies over exactly the body's bytes.
 */
export function openSignedNote(note: string, verifierKey: string): string {
  const { name, keyHash, publicKey } = readVerifierKey(verifierKey);
  const blank = note.lastIndexOf('\n\n');
  const body = note.slice(0, blank + 1);
  for (const line of note
    .slice(blank + 2)
    .split('\n')
    .filter(Boolean)) {
    const match = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!match) throw new Error(`bad signature line ${line}`);
    const signature = Buffer.from(match[2], 'base64');
    if (
      match[1] === name &&
      signature.subarray(0, 4).equals(keyHash) &&
      verify(null, Buffer.from(body), publicKey, signature.subarray(4))
    ) {
      return body;
    }
  }
  throw new Error('no valid signature by the key');
}

/** C2SP tlog-checkpoint: origin, decimal tree size, base64 root hash, each ending with a newline. */
export function readCheckpoint(body: string): { origin: string; size: number; root: Buffer } {
  const match = /^([^\n]+)\n(0|[1-9][0-9]*)\n([A-Za-z0-9+/]{43}=)\n/.exec(body);
  if (!match) throw new Error(`not a checkpoint: ${JSON.stringify(body)}`);
  return { origin: match[1], size: Number(match[2]), root: Buffer.from(match[3], 'base64') };
}
