import { describe, expect, it } from '@jest/globals';
import { VerifiedTokens } from './verified-tokens.js';

const at = (seconds: number) => seconds * 1000;

describe('VerifiedTokens', () => {
  it('answers a remembered token until the second its exp names, as jsonwebtoken counts it', () => {
    const tokens = new VerifiedTokens<{ exp: number; sub: string }>(10);
    tokens.remember('a.b.c', { exp: 1_000, sub: 'u1' });
    expect(tokens.get('a.b.c', at(999) + 999)).toEqual({ exp: 1_000, sub: 'u1' });
    expect(tokens.get('a.b.c', at(1_000))).toBeUndefined();
    // Forgotten once expired: the token goes back to full verification, which refuses it.
    expect(tokens.get('a.b.c', at(999))).toBeUndefined();
  });

  it('answers nothing for a token it was not given, or before its nbf', () => {
    const tokens = new VerifiedTokens<{ exp: number; nbf: number }>(10);
    tokens.remember('early', { exp: 2_000, nbf: 1_500 });
    expect(tokens.get('other', at(1_600))).toBeUndefined();
    expect(tokens.get('early', at(1_499))).toBeUndefined();
  });

  it('keeps at most its capacity, forgetting the oldest first', () => {
    const tokens = new VerifiedTokens<{ exp: number }>(2);
    tokens.remember('first', { exp: 2_000 });
    tokens.remember('second', { exp: 2_000 });
    tokens.remember('third', { exp: 2_000 });
    expect(['first', 'second', 'third'].map((token) => tokens.get(token, at(1_000)) !== undefined)).toEqual([false, true, true]);
  });
});
