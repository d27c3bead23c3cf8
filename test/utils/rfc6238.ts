import { createHmac } from 'node:crypto';

// An implementation of TOTP written from RFC 6238 and RFC 4226 (§5.3, dynamic truncation) with node:crypto's
// HMAC, independent of the library the system uses, so the tests check the system against the standard.

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32, as otpauth:// URIs carry the secret. */
export function base32Decode(text: string): Buffer {
  let bits = '';
  for (const character of text.replace(/=+$/, '').toUpperCase()) {
    const value = BASE32.indexOf(character);
    if (value < 0) throw new Error(`Not base32: ${character}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => parseInt(byte, 2)));
}

/** The six-digit HMAC-SHA-1 code of a 30-second step; `stepOffset` moves to a neighbouring step. */
export function totpCode(secret: Buffer, stepOffset = 0, nowMs = Date.now()): string {
  const counter = Math.floor(nowMs / 1000 / 30) + stepOffset;
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hmac = createHmac('sha1', secret).update(message).digest();
  const offset = hmac[hmac.length - 1] & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/** The secret of an otpauth:// URI. */
export function secretOf(otpauthUri: string): Buffer {
  const secret = new URL(otpauthUri).searchParams.get('secret');
  if (!secret) throw new Error('The URI carries no secret');
  return base32Decode(secret);
}
