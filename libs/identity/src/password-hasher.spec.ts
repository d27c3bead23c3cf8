import { describe, expect, it } from '@jest/globals';
import { hashPassword, verifyPassword } from './password-hasher.js';

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
