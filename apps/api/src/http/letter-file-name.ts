/** The longest file name kept, in characters (code points). */
export const FILE_NAME_MAX_CHARACTERS = 255;

// Control characters, and the marks, embeddings, overrides and isolates that reorder text: a name
// "\u202Efdp.exe" shows as "exe.pdf" wherever it is displayed.
const HIDDEN = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The name of an uploaded file as it is stored: without characters that hide or reorder what it shows, and
 * at most FILE_NAME_MAX_CHARACTERS characters, its extension kept when it is cut. Downloads keep their own
 * fixed name; this one is only shown.
 */
export function storableFileName(sent: string): string {
  const characters = Array.from(sent.replace(HIDDEN, ''));
  if (characters.length <= FILE_NAME_MAX_CHARACTERS) return characters.join('');
  const extension = /\.[^.]{1,16}$/u.exec(characters.join(''))?.[0] ?? '';
  const kept = FILE_NAME_MAX_CHARACTERS - Array.from(extension).length;
  return characters.slice(0, kept).join('') + extension;
}
