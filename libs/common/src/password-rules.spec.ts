import { describe, expect, it } from '@jest/globals';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, passwordRefusal } from './password-rules.js';

describe('the password rules (NIST SP 800-63B §5.1.1.2)', () => {
  it('checks against a list of at least 10,000 common and breached passwords, without regard to case', () => {
    expect(dictionary['passwords-common'].length).toBeGreaterThanOrEqual(10_000);
    expect(passwordRefusal('qwertyuiop123', 'a@b.example')).toBe('common');
    expect(passwordRefusal('PasswordPassword', 'a@b.example')).toBe('common');
  });

  it('counts characters, not bytes, from 12 to 200, and asks for no mix of character kinds', () => {
    expect(passwordRefusal('abcdefghijk', 'a@b.example')).toBe('too-short');
    expect(passwordRefusal('동북아시아지방정부연합의 회원', 'a@b.example')).toBeNull();
    expect(passwordRefusal('tumen river ferry', 'a@b.example')).toBeNull();
    expect(passwordRefusal('x'.repeat(PASSWORD_MAX_LENGTH) + 'y', 'a@b.example')).toBe('too-long');
  });

  it("refuses the owner's e-mail address or its part before the @, in any case", () => {
    expect(passwordRefusal('my Hanako.Sato@toyama.jp pass', 'hanako.sato@toyama.jp')).toBe('contains-email');
    expect(passwordRefusal('HANAKO.SATO and a long tail', 'hanako.sato@toyama.jp')).toBe('contains-email');
    // A part before the @ too short to mean anything is not looked for.
    expect(passwordRefusal('a long passphrase jo', 'jo@near.example')).toBeNull();
  });
});
