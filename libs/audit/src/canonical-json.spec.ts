import { describe, expect, it } from '@jest/globals';
import { canonicalJson } from './canonical-json.js';

describe('canonical JSON', () => {
  it('sorts the keys of every object, at every level, and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('gives the same text whatever order the keys were added in', () => {
    const forwards: Record<string, number> = {};
    const backwards: Record<string, number> = {};
    const keys = ['state', '10', '9', 'État', 'étape', '_', 'A', 'a'];
    keys.forEach((key, index) => (forwards[key] = index));
    [...keys].reverse().forEach((key) => (backwards[key] = forwards[key]));
    expect(canonicalJson(backwards)).toBe(canonicalJson(forwards));
    // Integer-like keys too: JavaScript enumerates them first, the canonical form sorts them as text.
    expect(canonicalJson(forwards)).toBe('{"10":1,"9":2,"A":6,"_":5,"a":7,"state":0,"État":3,"étape":4}');
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    expect(canonicalJson({ '\u{1F600}': 1, '\uFFFD': 2, b: 3, B: 4 })).toBe('{"B":4,"b":3,"\u{1F600}":1,"\uFFFD":2}');
  });

  it('drops undefined members and writes undefined array items as null, like JSON.stringify', () => {
    expect(canonicalJson({ kept: 1, dropped: undefined, list: [1, undefined, 3] })).toBe('{"kept":1,"list":[1,null,3]}');
  });

  it('reads back to the same text after JSON.parse', () => {
    const text = canonicalJson({ reasons: 'Line 1\nLine "2"', lone: '\ud800', nul: '\u0000', amount: 0.1 + 0.2, big: 1e21, tiny: 5e-7 });
    expect(canonicalJson(JSON.parse(text))).toBe(text);
    expect(text).toContain('"lone":"\\ud800"');
    expect(text).toContain('"nul":"\\u0000"');
  });

  it('writes dates as their ISO string and class instances as their own fields', () => {
    class Input {
      constructor(
        readonly reason: string,
        readonly at: Date,
      ) {}
    }
    expect(canonicalJson(new Input('late', new Date('2026-03-01T10:00:00.000Z')))).toBe(
      '{"at":"2026-03-01T10:00:00.000Z","reason":"late"}',
    );
  });

  it('refuses numbers JSON cannot hold instead of writing null', () => {
    expect(() => canonicalJson({ votes: { yes: Number.NaN } })).toThrow('canonicalJson: $.votes.yes is NaN');
    expect(() => canonicalJson({ ratio: [1, Infinity] })).toThrow('$.ratio[1] is Infinity');
    expect(() => canonicalJson({ count: 10n })).toThrow('$.count is a bigint');
  });

  it('refuses what JSON.stringify would silently lose', () => {
    expect(() => canonicalJson({ check: () => true })).toThrow('$.check is a function');
    expect(() => canonicalJson({ tag: Symbol('x') })).toThrow('$.tag is a symbol');
    expect(() => canonicalJson({ votes: new Map([['yes', 1]]) })).toThrow('$.votes is a Map');
    expect(() => canonicalJson({ roles: new Set(['a']) })).toThrow('$.roles is a Set');
    expect(() => canonicalJson({ at: new Date('not a date') })).toThrow('$.at is an invalid Date');
    expect(() => canonicalJson(undefined)).toThrow('$ is undefined');
  });

  it('refuses a value that contains itself, but accepts the same object twice side by side', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow('$.self refers back to one of its own ancestors');
    const shared = { id: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"id":1},"b":{"id":1}}');
  });
});
