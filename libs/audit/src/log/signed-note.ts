import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';

// C2SP signed-note with Ed25519 keys, and C2SP tlog-checkpoint bodies. Node's standard library only (the
// offline verifier runs this file). The signature covers exactly the note's body, which ends with a newline.

/** The signature-type byte of Ed25519 in signed-note keys and key hashes. */
const ED25519 = 0x01;
/** PKCS #8 DER of an Ed25519 private key, up to the 32-byte seed (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
/** A key name (and so our log's origin): no spaces, no '+', printable ASCII. */
export const KEY_NAME_PATTERN = /^[!-*,-~]+$/;
const SIGNATURE_LINE = /^\u2014 (\S+) ([A-Za-z0-9+/]+=*)$/;

export interface NoteSigner {
  name: string;
  /** The first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key). */
  keyHash: Buffer;
  publicKey: Buffer;
  privateKey: KeyObject;
}

export interface NoteVerifier {
  name: string;
  keyHash: Buffer;
  publicKey: KeyObject;
}

export function keyHashOf(name: string, publicKey: Buffer): Buffer {
  return createHash('sha256')
    .update(`${name}\n`, 'utf8')
    .update(Buffer.from([ED25519]))
    .update(publicKey)
    .digest()
    .subarray(0, 4);
}

function rawPublicKey(privateKey: KeyObject): Buffer {
  // The raw key is the last 32 bytes of the SPKI DER export.
  return createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(-32);
}

/** A new Ed25519 signer key named `name`, as `PRIVATE+KEY+<name>+<hash>+<base64(0x01 ‖ seed)>`. */
export function generateSignerKey(name: string): string {
  if (!KEY_NAME_PATTERN.test(name)) throw new Error('A key name is printable ASCII without spaces or "+"');
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
  return `PRIVATE+KEY+${name}+${keyHashOf(name, rawPublicKey(privateKey)).toString('hex')}+${Buffer.concat([Buffer.from([ED25519]), seed]).toString('base64')}`;
}

/** Reads a signer key; the error never repeats the key. */
export function parseSignerKey(text: string): NoteSigner {
  const trimmed = text.trim();
  const parts = trimmed.startsWith('PRIVATE+KEY+') ? splitKey(trimmed.slice('PRIVATE+KEY+'.length)) : undefined;
  if (!parts) throw new Error('must be a signed-note signer key, PRIVATE+KEY+<name>+<hash>+<key> (npm run log:keygen prints one)');
  const [name, hashHex, encoded] = parts;
  if (!KEY_NAME_PATTERN.test(name)) throw new Error('has a key name that is not printable ASCII without spaces');
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== 33 || key[0] !== ED25519 || key.toString('base64') !== encoded) throw new Error('is not an Ed25519 signer key');
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, key.subarray(1)]), format: 'der', type: 'pkcs8' });
  const publicKey = rawPublicKey(privateKey);
  const keyHash = keyHashOf(name, publicKey);
  if (keyHash.toString('hex') !== hashHex) throw new Error('has a key hash that does not match its name and key');
  return { name, keyHash, publicKey, privateKey };
}

/** `<name>+<hash>+<key>`, the key being base64 (which may hold '+' itself). */
function splitKey(text: string): [string, string, string] | undefined {
  const first = text.indexOf('+');
  const second = text.indexOf('+', first + 1);
  if (first < 1 || second < 0) return undefined;
  return [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
}

/** The verifier key of a signer: `<name>+<hash>+<base64(0x01 ‖ public key)>`. */
export function verifierKeyOf(signer: NoteSigner): string {
  return `${signer.name}+${signer.keyHash.toString('hex')}+${Buffer.concat([Buffer.from([ED25519]), signer.publicKey]).toString('base64')}`;
}

export function parseVerifierKey(text: string): NoteVerifier {
  const parts = splitKey(text.trim());
  if (!parts) throw new Error('A verifier key is <name>+<hash>+<key>');
  const [name, hashHex, encoded] = parts;
  const key = Buffer.from(encoded, 'base64');
  // Strict: Node's base64 decoder skips what it cannot read, so a key line is taken only in its one spelling.
  if (!KEY_NAME_PATTERN.test(name) || key.length !== 33 || key[0] !== ED25519 || key.toString('base64') !== encoded)
    throw new Error('Not an Ed25519 verifier key');
  const raw = key.subarray(1);
  if (keyHashOf(name, raw).toString('hex') !== hashHex) throw new Error("The verifier key's hash does not match its name and key");
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  return { name, keyHash: keyHashOf(name, raw), publicKey };
}

/** The note: its body, a blank line, and one signature line by `signer`. */
export function signNote(body: string, signer: NoteSigner): string {
  if (!body.endsWith('\n')) throw new Error("A note's body ends with a newline");
  const signature = sign(null, Buffer.from(body, 'utf8'), signer.privateKey);
  return `${body}\n\u2014 ${signer.name} ${Buffer.concat([signer.keyHash, signature]).toString('base64')}\n`;
}

/** A note taken apart into its body and its signature lines, no signature checked; an error if it is not shaped as a note. */
export function splitNote(note: string): { body: string; signatures: { name: string; signature: Buffer }[] } {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new Error('not a signed note (no blank line before the signatures)');
  const signatures = note
    .slice(split + 2, -1)
    .split('\n')
    .map((line) => {
      const match = SIGNATURE_LINE.exec(line);
      if (!match) throw new Error(`not a signature line: ${JSON.stringify(line.slice(0, 80))}`);
      return { name: match[1], signature: Buffer.from(match[2], 'base64') };
    });
  return { body: note.slice(0, split + 1), signatures };
}

/**
 * The body of a note signed by `verifier`, or an error saying why not. Signature lines of other keys are
 * allowed (a witness may cosign), as signed-note says; the verifier's own must be there and valid.
 */
export function openNote(note: string, verifier: NoteVerifier): string {
  const { body, signatures } = splitNote(note);
  let found = false;
  for (const { name, signature } of signatures) {
    if (name !== verifier.name || signature.length < 4 || !signature.subarray(0, 4).equals(verifier.keyHash)) continue;
    if (signature.length !== 68 || !verify(null, Buffer.from(body, 'utf8'), verifier.publicKey, signature.subarray(4))) {
      throw new Error(`the signature of ${verifier.name} does not verify`);
    }
    found = true;
  }
  if (!found) throw new Error(`no signature by ${verifier.name}+${verifier.keyHash.toString('hex')}`);
  return body;
}

/** A C2SP tlog-checkpoint body: origin, decimal tree size, base64 root hash, each on its line. */
export function checkpointBody(origin: string, size: number, root: Uint8Array): string {
  return `${origin}\n${size}\n${Buffer.from(root).toString('base64')}\n`;
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
}

/** Reads a checkpoint body (extension lines after the third are allowed and ignored). */
export function parseCheckpoint(body: string): Checkpoint {
  const lines = body.split('\n');
  if (lines.length < 4 || lines[lines.length - 1] !== '') throw new Error('a checkpoint has an origin, a size and a root hash');
  const [origin, sizeText, rootText] = lines;
  const root = Buffer.from(rootText, 'base64');
  if (!/^(0|[1-9]\d{0,15})$/.test(sizeText) || root.length !== 32 || root.toString('base64') !== rootText) {
    throw new Error('malformed checkpoint (size or root hash)');
  }
  return { origin, size: Number(sizeText), root };
}
