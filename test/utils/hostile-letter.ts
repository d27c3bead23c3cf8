import fc from 'fast-check';
import { hostileKey, hostileText, textBytes } from './hostile-values.js';

/** One multipart upload: its field, file name, declared type and content, all hostile at times. */
export interface LetterUpload {
  boundary: string;
  field: string;
  fileName: string;
  contentType: string;
  content: Buffer;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

export const hostileLetter: fc.Arbitrary<LetterUpload> = fc.record({
  boundary: fc.constantFrom('hostile-boundary-7f3a', '----x', 'a'.repeat(70)),
  field: fc.oneof({ weight: 6, arbitrary: fc.constant('file') }, { weight: 1, arbitrary: hostileKey }),
  // A line break would end the part's header: browsers escape it, so it is left out.
  fileName: fc.oneof(fc.constant('letter.pdf'), hostileText).map((name) => name.replace(/[\r\n]/g, ' ')),
  contentType: fc.constantFrom('application/pdf', 'application/octet-stream', 'text/html', 'image/svg+xml'),
  content: fc.oneof(
    { weight: 4, arbitrary: fc.constant(PDF) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)) },
    { weight: 1, arbitrary: fc.constant(Buffer.from('<svg onload="alert(1)"/>%PDF-1.4')) },
    { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
  ),
});

/** The form as bytes: names' quotes and backslashes escaped as in a quoted string, their text as textBytes writes it. */
export function multipartBody(letter: LetterUpload): Buffer {
  const quoted = (text: string) => text.replace(/(["\\])/g, '\\$1');
  return Buffer.concat([
    Buffer.from(`--${letter.boundary}\r\nContent-Disposition: form-data; name="`),
    textBytes(quoted(letter.field)),
    Buffer.from('"; filename="'),
    textBytes(quoted(letter.fileName)),
    Buffer.from(`"\r\nContent-Type: ${letter.contentType}\r\n\r\n`, 'utf8'),
    letter.content,
    Buffer.from(`\r\n--${letter.boundary}--\r\n`, 'utf8'),
  ]);
}

/** The name the API keeps: the multipart parser keeps the last path segment (not `.` or `..`). */
export function keptFileName(sent: string): string {
  const base = sent.slice(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
  return ['.', '..'].includes(base) ? '' : base;
}
