import { describe, expect, it } from '@jest/globals';
import { randomBytes, scryptSync } from 'node:crypto';
import { hashPassword, needsRehash, verifyPassword } from './password-hasher.js';

describe('password hashing', () => {
  it('verifies the password it hashed and refuses any other', async () => {
    const hash = await hashPassword('Секрет-密码-비밀번호');
    expect(await verifyPassword('Секрет-密码-비밀번호', hash)).toBe(true);
    expect(await verifyPassword('Секрет-密码-비밀번호 ', hash)).toBe(false);
  });

  it('salts every hash, so equal passwords do not give equal hashes', async () => {
    expect(await hashPassword('same-password')).not.toBe(await hashPassword('same-password'));
  });

  it('treats the composed and decomposed forms of a password as the same', async () => {
    const hash = await hashPassword('Ölgii');
    expect(await verifyPassword('O\u0308lgii', hash)).toBe(true);
  });

  it('refuses hashes it does not understand instead of throwing', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
  });
});

describe('password hashing parameters', () => {
  it("hashes at one of OWASP's equivalent minimums for scrypt (N=2^14, r=8, p=5: 16 MiB), checked by Node's own scrypt", async () => {
    const [scheme, n, r, p, salt, key] = (await hashPassword('a password long enough')).split('$');
    expect([scheme, Number(n), Number(r), Number(p)]).toEqual(['scrypt', 2 ** 14, 8, 5]);
    const expected = scryptSync('a password long enough', Buffer.from(salt, 'base64'), 32, {
      N: 2 ** 14,
      r: 8,
      p: 5,
      maxmem: 64 * 1024 * 1024,
    });
    expect(key).toBe(expected.toString('base64'));
  });

  it('hashes and verifies every one of many passwords asked for together (they take turns, two at a time)', async () => {
    const hashes = await Promise.all(Array.from({ length: 6 }, (_, index) => hashPassword(`password number ${index}`)));
    await expect(Promise.all(hashes.map((hash, index) => verifyPassword(`password number ${index}`, hash)))).resolves.toEqual(
      Array(6).fill(true),
    );
  });

  it('asks for a new hash of one made with other parameters, and not of one made today', async () => {
    expect(needsRehash('scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA')).toBe(true);
    expect(needsRehash('scrypt$32768$8$3$AAAAAAAAAAAAAAAAAAAAAA==$AAAA')).toBe(true);
    expect(needsRehash('scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA')).toBe(true);
    expect(needsRehash(await hashPassword('a password long enough'))).toBe(false);
  });

  it('still verifies a hash made with the older parameters, so that it can be upgraded at sign-in', async () => {
    const salt = randomBytes(16);
    const key = scryptSync('an older password', salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const old = ['scrypt', 2 ** 15, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    expect(await verifyPassword('an older password', old)).toBe(true);
    expect(await verifyPassword('another password', old)).toBe(false);
  });
});
