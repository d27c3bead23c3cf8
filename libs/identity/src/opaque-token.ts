import { createHash, randomBytes } from 'node:crypto';

/** A random token for a cookie or a link (256 bits, base64url), and the SHA-256 hash stored in its place. */
export function newOpaqueToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashOpaqueToken(token) };
}

/** High-entropy tokens need no slow hash: SHA-256 keeps a stolen table from being replayed. */
export function hashOpaqueToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
