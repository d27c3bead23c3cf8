/**
 * The one serialization the audit hashes are computed over: JSON with the members of every object sorted
 * by key (UTF-16 code units, as RFC 8785 sorts them) and no whitespace. The same value gives the same
 * bytes whatever order its keys were built in, and the text survives a JSON.parse round trip unchanged.
 *
 * It follows JSON.stringify (strings and numbers are written as it writes them, `toJSON` is honoured,
 * undefined members are dropped, undefined array items become null) except where JSON.stringify would
 * lose data without a word: non-finite numbers, bigints, functions, symbols, Maps, Sets and cycles are
 * refused with a TypeError naming where they are.
 */
export function canonicalJson(value: unknown): string {
  const text = write(value, '$', new Set());
  if (text === undefined) throw new TypeError('canonicalJson: $ is undefined');
  return text;
}

function write(value: unknown, path: string, ancestors: Set<object>): string | undefined {
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is ${value}, which JSON cannot hold`);
      return JSON.stringify(value);
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new TypeError(`canonicalJson: ${path} is a ${typeof value}, which JSON cannot hold`);
  }
  if (value === null) return 'null';
  const object = value as object;
  if (object instanceof Date && Number.isNaN(object.getTime())) throw new TypeError(`canonicalJson: ${path} is an invalid Date`);
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') {
    return write((object as { toJSON: (key: string) => unknown }).toJSON(path), path, ancestors);
  }
  if (object instanceof Map || object instanceof Set || object instanceof WeakMap || object instanceof WeakSet) {
    throw new TypeError(`canonicalJson: ${path} is a ${object.constructor.name}; convert it to an object or an array`);
  }
  if (ancestors.has(object)) throw new TypeError(`canonicalJson: ${path} refers back to one of its own ancestors`);
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      return `[${object.map((item, index) => write(item, `${path}[${index}]`, ancestors) ?? 'null').join(',')}]`;
    }
    const members: string[] = [];
    for (const key of Object.keys(object).sort()) {
      const member = write((object as Record<string, unknown>)[key], `${path}.${key}`, ancestors);
      if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(object);
  }
}
