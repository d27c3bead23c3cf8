// Checking a leaf against a signed checkpoint in the browser: RFC 9162 §2.1.3.2 inclusion, and the C2SP
// signed-note signature (Ed25519) of a tlog-checkpoint, with WebCrypto.

const base64ToBytes = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  const joined = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

export interface Checkpoint {
  origin: string;
  size: number;
  root: Uint8Array;
}

/**
 * Opens a signed note with the log's verifier key (`<name>+<key hash>+<base64(0x01 ‖ public key)>`): the note
 * must carry a signature line by that key over its body; answers the checkpoint in the body, or throws.
 */
export async function openCheckpoint(note: string, verifierKey: string): Promise<Checkpoint> {
  // The key's base64 may itself hold a '+': only the first two separate fields.
  const [name, hashHex, ...keyParts] = verifierKey.trim().split('+');
  const key = base64ToBytes(keyParts.join('+'));
  if (!name || !/^[0-9a-f]{8}$/.test(hashHex ?? '') || key.length !== 33 || key[0] !== 0x01) throw new Error('not a verifier key');
  const keyHash = (await sha256(new TextEncoder().encode(`${name}\n`), key)).slice(0, 4);
  if (Array.from(keyHash, (byte) => byte.toString(16).padStart(2, '0')).join('') !== hashHex)
    throw new Error('the key hash does not match');
  const split = note.indexOf('\n\n');
  if (split < 0) throw new Error('not a signed note');
  const body = note.slice(0, split + 1);
  const publicKey = await crypto.subtle.importKey('raw', key.slice(1), { name: 'Ed25519' }, false, ['verify']);
  let signed = false;
  for (const line of note.slice(split + 2).split('\n')) {
    const match = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const signature = base64ToBytes(match[2]);
    if (signature.length !== 68 || !equal(signature.slice(0, 4), keyHash)) continue;
    if (await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, signature.slice(4), new TextEncoder().encode(body))) signed = true;
  }
  if (!signed) throw new Error('the checkpoint is not signed by the log key');
  const [origin, size, root] = body.split('\n');
  if (origin !== name || !/^(0|[1-9]\d*)$/.test(size ?? '')) throw new Error('not a checkpoint of this log');
  return { origin, size: Number(size), root: base64ToBytes(root ?? '') };
}

/** Whether the leaf with these data is leaf `index` of the checkpoint's tree, by the RFC 9162 inclusion proof. */
export async function includes(checkpoint: Checkpoint, index: number, data: Uint8Array, proof: readonly string[]): Promise<boolean> {
  return includesLeafHash(checkpoint, index, await sha256(new Uint8Array([0x00]), data), proof);
}

/** As `includes`, from the leaf's hash (RFC 9162 §2.1.1) rather than its data. */
export async function includesLeafHash(
  checkpoint: Checkpoint,
  index: number,
  leafHash: Uint8Array,
  proof: readonly string[],
): Promise<boolean> {
  if (index >= checkpoint.size) return false;
  let fn = index;
  let sn = checkpoint.size - 1;
  let r = leafHash;
  for (const encoded of proof) {
    const p = base64ToBytes(encoded);
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(new Uint8Array([0x01]), p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await sha256(new Uint8Array([0x01]), r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(r, checkpoint.root);
}

export const leafBytes = base64ToBytes;
