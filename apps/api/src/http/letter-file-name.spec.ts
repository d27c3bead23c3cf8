import { describe, expect, it } from '@jest/globals';
import { storableFileName } from './letter-file-name.js';

describe('storableFileName', () => {
  it('keeps a plain name, in any script', () => {
    expect(storableFileName('致NEAR的信（签字）.pdf')).toBe('致NEAR的信（签字）.pdf');
  });

  it('removes control characters and the bidirectional marks, overrides and isolates', () => {
    expect(storableFileName('\u202efdp.exe')).toBe('fdp.exe');
    expect(storableFileName('a\tb\u0007c\u007f\u009b\u200e\u200f\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u061cd.pdf')).toBe(
      'abcd.pdf',
    );
  });

  it('cuts a long name to 255 characters, keeping its extension and whole surrogate pairs', () => {
    const cut = storableFileName(`${'😀'.repeat(5_000)}.pdf`);
    expect(Array.from(cut)).toHaveLength(255);
    expect(cut.endsWith('😀.pdf')).toBe(true);
    expect(storableFileName('x'.repeat(5_000))).toBe('x'.repeat(255));
  });
});
