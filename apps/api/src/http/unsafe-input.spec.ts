import { describe, expect, it } from '@jest/globals';
import { MAX_INPUT_DEPTH, unsafeInputErrors, uploadedFileNameErrors } from './unsafe-input.js';

const fields = (input: unknown, root?: string) => unsafeInputErrors(input, root).map((error) => error.field);

describe('unsafeInputErrors', () => {
  it('passes text PostgreSQL can store, surrogate pairs, zero-width and right-to-left marks included', () => {
    expect(fields({ name: '👩‍👩‍👧 \u200f\u202e\u200b é', list: ['a', { b: 'c' }], n: 1, ok: true, none: null })).toEqual([]);
  });

  it('names each field holding a NUL or an unpaired surrogate, by its dotted path, in order', () => {
    expect(fields({ a: 'x\u0000', b: { c: ['ok', '\ud800'] }, d: '\udc00x', e: 'x\udc00\ud800' })).toEqual(['a', 'b.c.1', 'd', 'e']);
  });

  it('names a path parameter by its name, and a bare body as "body"', () => {
    expect(fields('\u0000', 'id')).toEqual(['id']);
    expect(fields('\u0000')).toEqual(['body']);
  });

  it('refuses nesting deeper than MAX_INPUT_DEPTH without recursing, however deep', () => {
    let deep: unknown = 'x';
    for (let level = 0; level < 200_000; level++) deep = [deep];
    expect(fields({ a: deep })).toEqual([`a${'.0'.repeat(MAX_INPUT_DEPTH - 1)}`]);
    let shallow: unknown = 'x';
    for (let level = 0; level < MAX_INPUT_DEPTH - 1; level++) shallow = { a: shallow };
    expect(fields({ a: shallow })).toEqual([]);
  });

  it('refuses a __proto__ key, and a key that is not storable text', () => {
    expect(fields(JSON.parse('{"a":{"__proto__":{"admin":true}}}'))).toEqual(['a.__proto__']);
    expect(fields({ 'x\u0000': 1 })).toEqual(['x\u0000']);
  });

  it("refuses a key named like a member of Object's prototype, which a DTO's whitelist would let vanish", () => {
    expect(fields({ constructor: 1, b: { toString: 'x', valueOf: 2 }, __defineGetter__: 3 }).sort()).toEqual([
      '__defineGetter__',
      'b.toString',
      'b.valueOf',
      'constructor',
    ]);
  });

  it("walks a query parser's objects whatever their prototype, and never a Buffer", () => {
    function Empty() {}
    Empty.prototype = Object.create(null);
    const query = Object.assign(Object.create(Empty.prototype as object) as object, { action: '\u0000' });
    expect(fields(query)).toEqual(['action']);
    expect(fields({ file: Buffer.from([0, 0xd8]) })).toEqual([]);
  });
});

describe('uploadedFileNameErrors', () => {
  it('refuses a name the multipart parser could not decode (U+FFFD), or holding a NUL', () => {
    expect(uploadedFileNameErrors({ fieldname: 'file', originalname: 'lettre-\ufffd.pdf' })).toEqual([
      { field: 'file.filename', messages: [expect.stringContaining('must be UTF-8 text')] },
    ]);
    expect(uploadedFileNameErrors({ fieldname: 'file', originalname: 'a\u0000.pdf' }).map((error) => error.field)).toEqual([
      'file.filename',
    ]);
    expect(uploadedFileNameErrors({ fieldname: 'file', originalname: 'lettre-é.pdf' })).toEqual([]);
  });
});
