import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

/*
 * Hostile values, and how they go on the wire. What JSON.stringify cannot write is carried by markers
 * and put in when a request is serialized: raw JSON tokens (1e400, nesting 100,000 deep), bytes that are
 * not UTF-8, and references to the real records of a test (an application's id), which it fills in.
 */

const RAW = '\uE001';
const BYTES = '\uE000';
const REF = '\uE003';

/** Raw JSON, put in place of a string marker together with its quotes. */
const RAW_TOKENS: Record<string, string> = {
  'objects nested 1000 deep': `${'{"a":'.repeat(1000)}0${'}'.repeat(1000)}`,
  'arrays nested 100000 deep': `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  '1e400': '1e400',
  '-1e400': '-1e400',
  '1e-400': '1e-400',
  '30-digit integer': '123456789012345678901234567890',
  '-0': '-0',
};

/** Byte sequences that are not UTF-8, put inside a string of the body or a %-escaped URL. */
const INVALID_UTF8 = {
  'a lone 0xff': 'ff',
  'an overlong NUL': 'c080',
  'an encoded lone surrogate (CESU-8)': 'eda080',
  'a lone continuation byte': '80',
  'a truncated sequence': 'e282',
  'a code point above U+10FFFF': 'f4908080',
};

const raw = (name: string) => `${RAW}${name}${RAW}`;
const invalidBytes = (hex: string) => `${BYTES}${hex}${BYTES}`;
/** A reference to a record of the scene, by name (`id`, `governmentId`...); `:upper` for its upper-case spelling. */
export const ref = (name: string) => `${REF}${name}${REF}`;

/** Texts that have broken web applications: injections, templates, unicode edge cases, what PostgreSQL cannot store. */
export const HOSTILE_TEXTS = [
  ' ',
  '\t\n',
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '1; SELECT pg_sleep(10) --',
  "' UNION SELECT password_hash FROM users --",
  '$1',
  "E'\\\\x00'",
  '%',
  '_',
  '\\',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '&lt;b&gt;&#0;',
  '{{7*7}}',
  '${7*7}',
  '<%= 7*7 %>',
  'javascript:alert(1)',
  '\u200b',
  'a\u200bb\u200c\u200d',
  '\ufeffBOM',
  '\u202eevil\u202c',
  '\u200fRTL\u200e',
  'مرحبا بالعالم',
  'e\u0301 é',
  '\u0301',
  '👩‍👩‍👧‍👦',
  '𝕏𝕐',
  '\uffff\ufffe',
  '\u2028\u2029',
  '中文 한국어 日本語 Монгол',
  'İı ß Ǆ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'a\udc00\ud800b',
  'emoji cut \ud83d',
  '\u0001\u0007\u001b[31m',
  '\u007f',
  '\r\n\r\nX-Injected: 1',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'undefined',
  'true',
  '0x10',
  '1e400',
  '-0',
  '  1',
  '1_000',
  '０１２',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'file:///etc/passwd',
  '%00',
  '%2e%2e%2f',
  '{"$gt":""}',
  '[]',
] as const;

const catalog = fc.constantFrom(...HOSTILE_TEXTS);
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

/** A hostile text of up to 100,000 characters. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: catalog },
  { weight: 3, arbitrary: fc.array(catalog, { minLength: 2, maxLength: 4 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: anyCodeUnit, minLength: 1, maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(catalog, fc.integer({ min: 1_000, max: 100_000 }))
      .map(([text, length]) => text.repeat(Math.ceil(length / Math.max(1, text.length))).slice(0, length)),
  },
  { weight: 1, arbitrary: fc.constantFrom(...Object.values(INVALID_UTF8)).map((hex) => `a${invalidBytes(hex)}b`) },
);

/** Numbers a field should refuse or that JSON cannot carry faithfully, and strings that look like numbers. */
export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(2 ** 53, 2 ** 31, -(2 ** 31) - 1, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 0.5, -1, 0, 1e21),
  fc.constantFrom('1e400', '-1e400', '1e-400', '30-digit integer', '-0').map(raw),
  fc.constantFrom('NaN', 'Infinity', '2026', ' 2026', '2026abc', '0x7e6', '1e3', ''),
);

/** Keys an object should not have: prototype pollution, mass assignment, odd names. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', ' ', 'a.b', '$where', 'id', 'version', 'state', 'role'),
  fc.constantFrom('passwordHash', 'isAdmin', 'governmentId', '\u0000', '\ud800', '😀'),
  fc.string({ maxLength: 8 }),
);

/** A value of any type for any field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '': '' }) },
  { weight: 1, arbitrary: fc.constantFrom('objects nested 1000 deep', 'arrays nested 100000 deep').map(raw) },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.tuple(hostileKey, hostileText), { maxLength: 2 }).map((entries) => Object.fromEntries(entries)) },
);

/** A text as bytes on the wire: UTF-8, a lone surrogate as the three bytes CESU-8 gives it, byte markers as those bytes. */
export function textBytes(text: string): Buffer {
  return Buffer.concat(
    text.split(new RegExp(`(${BYTES}[0-9a-f]+${BYTES})`)).flatMap((part) => {
      if (part.startsWith(BYTES)) return [Buffer.from(part.slice(1, -1), 'hex')];
      return [...part].map((char) => {
        const unit = char.charCodeAt(0);
        return char.length === 1 && unit >= 0xd800 && unit <= 0xdfff
          ? Buffer.from([0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)])
          : Buffer.from(char, 'utf8');
      });
    }),
  );
}

/** A text as it goes into a URL: its bytes (see textBytes) %-escaped, as encodeURIComponent does; references kept. */
export function percentEncode(text: string): string {
  return text
    .split(new RegExp(`(${REF}[\\w:]+${REF})`))
    .map((part) =>
      part.startsWith(REF)
        ? part
        : [...textBytes(part)]
            .map((byte) =>
              /[\w.!~*'()-]/.test(String.fromCharCode(byte)) && byte < 0x80
                ? String.fromCharCode(byte)
                : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
            )
            .join(''),
    )
    .join('');
}

/** URL text a router or a query parser may choke on. */
const MALFORMED_URL_TEXT = fc.constantFrom(
  '%',
  '%zz',
  '%%',
  '%E0%A4%A',
  '%ED%A0%80',
  '%FF',
  '%C0%80',
  '%00',
  '..',
  '%2e%2e%2f',
  ';',
  '%2F',
  '+',
  '%23',
);

/** A path or query value, already as URL text. */
export const hostileUrlValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: hostileText.map(percentEncode) },
  { weight: 2, arbitrary: MALFORMED_URL_TEXT },
);

/** Replaces the reference markers in URL or JSON text with the scene's records (or an id nothing has). */
export function resolveReferences(text: string, records: Record<string, string>): string {
  return text.replace(new RegExp(`${REF}([\\w]+)(:upper)?${REF}`, 'g'), (_, name: string, upper?: string) => {
    const value = records[name] ?? randomUUID();
    return upper ? value.toUpperCase() : value;
  });
}

/** The body as bytes on the wire: JSON, with the raw tokens and the invalid bytes put in. */
export function serializeBody(body: unknown, records: Record<string, string>): Buffer {
  const json = resolveReferences(JSON.stringify(body) ?? 'null', records);
  const parts = json.split(new RegExp(`("${RAW}[^${RAW}]+${RAW}"|${BYTES}[0-9a-f]+${BYTES})`));
  return Buffer.concat(
    parts.map((part) => {
      if (part.startsWith(`"${RAW}`)) return Buffer.from(RAW_TOKENS[part.slice(2, -2)] ?? part, 'utf8');
      if (part.startsWith(BYTES)) return Buffer.from(part.slice(1, -1), 'hex');
      return Buffer.from(part, 'utf8');
    }),
  );
}

/** A short description of a generated value for a failure message: long texts cut, markers named. */
export function summarize(value: unknown): string {
  return JSON.stringify(value, (_, item: unknown) =>
    typeof item === 'string' && item.length > 80 ? `${item.slice(0, 40)}…(${item.length} chars)` : item,
  );
}

const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Every string in a JSON value, keys included. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [key, ...stringsIn(item)]);
  return [];
}

/**
 * Why bytes sent as JSON (or, `json` false, as text) cannot be stored as sent: bytes that are not UTF-8, or
 * text PostgreSQL cannot hold (NUL, a lone surrogate). Such a request must be refused.
 */
export function whyUnstorable(bytes: Buffer | undefined, json = true): string | undefined {
  if (!bytes) return undefined;
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return 'bytes that are not UTF-8';
  }
  let parsed: unknown = text;
  try {
    if (json) parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return stringsIn(parsed).some((string) => UNSTORABLE.test(string)) ? 'a NUL or a lone surrogate' : undefined;
}

export function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
