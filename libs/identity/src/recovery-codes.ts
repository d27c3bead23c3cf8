import { randomBytes } from 'node:crypto';
import { hashOpaqueToken } from './opaque-token.js';

export const RECOVERY_CODE_COUNT = 10;
// Without 0/o, 1/l/i: a code read off paper is typed right. 32 letters: each character carries 5 bits.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten single-use codes of 10 characters (about 50 bits each), shown once as `xxxxx-xxxxx`; stored hashed. */
export function newRecoveryCodes(): { codes: string[]; hashes: Buffer[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const characters = [...randomBytes(10)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
    return `${characters.slice(0, 5)}-${characters.slice(5)}`;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

/** The stored form of a code as typed: case, spaces and dashes do not matter. */
export function hashRecoveryCode(typed: string): Buffer {
  return hashOpaqueToken(typed.toLowerCase().replace(/[\s-]/g, ''));
}
