import { describe, expect, it } from '@jest/globals';
import { englishOrdinal } from './english-ordinal.js';

describe('englishOrdinal', () => {
  it('ranks as English writes it, the teens included', () => {
    const ranked = [1, 2, 3, 4, 10, 11, 12, 13, 14, 21, 22, 23, 101, 111, 112, 113, 1002].map(englishOrdinal);
    expect(ranked).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '10th',
      '11th',
      '12th',
      '13th',
      '14th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
      '112th',
      '113th',
      '1002nd',
    ]);
  });
});
