import { existsSync, readFileSync } from 'node:fs';
import type { Locale } from '@near/common';
import { StartupError } from '@near/common';

/**
 * The fonts documents embed (subset, as PDF/A and every printer want), from Debian's packages: Noto Sans for
 * Latin and Cyrillic (Mongolian Ө and Ү included) and Noto Sans CJK, whose collections hold the Korean,
 * Simplified Chinese and Japanese forms of the same characters. `npm start` and `npm test` install them.
 */
export const FONT_FILES = {
  text: '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
  bold: '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf',
  cjk: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  cjkBold: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
} as const;

const PACKAGES: Record<keyof typeof FONT_FILES, string> = {
  text: 'fonts-noto-core',
  bold: 'fonts-noto-core',
  cjk: 'fonts-noto-cjk',
  cjkBold: 'fonts-noto-cjk',
};

const loaded = new Map<string, Buffer>();

/** A font file's bytes, read once per process (the CJK collections are about 20 MB each, outside the JS heap). */
export function fontData(file: string): Buffer {
  let data = loaded.get(file);
  if (!data) {
    data = readFileSync(file);
    loaded.set(file, data);
  }
  return data;
}

/** Which of the collection's forms a run of Han characters is drawn in: the reader's, else Korean. */
export type CjkForm = 'kr' | 'sc' | 'jp';

export function cjkFormOf(locale: Locale): CjkForm {
  return locale === 'zh' ? 'sc' : locale === 'ja' ? 'jp' : 'kr';
}

/** Stops the worker at start with the packages to install, rather than failing each document later. */
export function assertFontsInstalled(): void {
  const missing = (Object.keys(FONT_FILES) as (keyof typeof FONT_FILES)[]).filter((font) => !existsSync(FONT_FILES[font]));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((font) => PACKAGES[font]))].join(' ');
  throw new StartupError(
    `Documents need fonts that are not installed (${missing.map((font) => FONT_FILES[font]).join(', ')}): apt-get install ${packages}`,
  );
}

/** Han, Hangul, kana and the CJK punctuation and full-width forms: what Noto Sans lacks and Noto Sans CJK has. */
const CJK_CHARACTER =
  '[\\p{Script=Han}\\p{Script=Hangul}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f\\uff00-\\uffef\\u2e80-\\u2fdf\\u3190-\\u31ff]';
const HAS_CJK = new RegExp(CJK_CHARACTER, 'u');
const CJK_RUN = new RegExp(`${CJK_CHARACTER}(?:[\\s\\p{N}\\p{P}\\p{S}]*${CJK_CHARACTER})*`, 'gu');
/** What Noto Sans CJK draws besides CJK: ASCII, Latin-1, Russian's Cyrillic, dashes and quotes (not Ө, Ү or Ą). */
const ALSO_IN_CJK_FONT = new RegExp(
  `^(?:${CJK_CHARACTER}|[\\u0000-\\u00ff\\u0401\\u0410-\\u044f\\u0451\\u2010-\\u2027\\u2030-\\u203a])*$`,
  'u',
);

/**
 * The text cut into runs, each marked with whether it needs the CJK font. A text with CJK in it is one run in
 * the CJK font whenever that font has all its characters, so that a line keeps one baseline; only a text mixing
 * CJK with letters that font lacks (a Mongolian Ө beside Hangul) is cut, between its CJK runs and the rest.
 */
export function scriptRuns(text: string): { text: string; cjk: boolean }[] {
  if (!HAS_CJK.test(text)) return [{ text, cjk: false }];
  if (ALSO_IN_CJK_FONT.test(text)) return [{ text, cjk: true }];
  const runs: { text: string; cjk: boolean }[] = [];
  let at = 0;
  for (const match of text.matchAll(CJK_RUN)) {
    if (match.index > at) runs.push({ text: text.slice(at, match.index), cjk: false });
    runs.push({ text: match[0], cjk: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), cjk: false });
  return runs;
}
