import { describe, expect, it } from '@jest/globals';
import { scriptRuns } from './fonts.js';

describe('script runs', () => {
  it('keeps a text without CJK in Noto Sans, Cyrillic and Mongolian letters included', () => {
    expect(scriptRuns('Өмнөговь аймаг · Ömnögovi')).toEqual([{ text: 'Өмнөговь аймаг · Ömnögovi', cjk: false }]);
  });

  it('draws a text with CJK in Noto Sans CJK alone when that font has every character, so a line keeps one baseline', () => {
    expect(scriptRuns('Gangwon · 강원특별자치도 (2026년 3월 2일)')).toEqual([
      { text: 'Gangwon · 강원특별자치도 (2026년 3월 2일)', cjk: true },
    ]);
    expect(scriptRuns('Приморский край · 新潟県')).toEqual([{ text: 'Приморский край · 新潟県', cjk: true }]);
  });

  it('cuts only a text mixing CJK with letters Noto Sans CJK lacks, keeping the spaces between CJK words in their run', () => {
    expect(scriptRuns('Өмнөговь · 몽골 남고비 도')).toEqual([
      { text: 'Өмнөговь · ', cjk: false },
      { text: '몽골 남고비 도', cjk: true },
    ]);
  });
});
