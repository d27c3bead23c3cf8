import type { FieldError } from '@near/common';

/**
 * How deep a body, query or parameter may nest. The deepest input of this API (`criteria[].note`) is three
 * levels; class-transformer and class-validator recurse, so a body nested 100,000 levels (a few hundred KB of
 * brackets) would overflow their stack and answer 500. It is refused here, walking without recursion.
 */
export const MAX_INPUT_DEPTH = 32;

// PostgreSQL text holds neither NUL nor a lone UTF-16 surrogate (UTF-8 has no encoding for one: the driver
// would store U+FFFD instead, silently changing the text).
const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const UNSTORABLE_MESSAGE = 'must not contain NUL characters (U+0000) or unpaired UTF-16 surrogates (U+D800–U+DFFF)';

// Parsers' objects, whatever their prototype (fast-querystring's has none of Object's); never a Buffer or a Date.
const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] =>
  Array.isArray(value) || Object.prototype.toString.call(value) === '[object Object]';

// class-validator's whitelist looks a key up in a plain object, where these are found on its prototype: a body
// key named `constructor` or `toString` passed as declared, then vanished. No DTO declares one.
const OBJECT_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));

const join = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);

/**
 * What no field of any route may hold, whatever its DTO says: text PostgreSQL cannot store, nesting deeper
 * than MAX_INPUT_DEPTH, and a key named like a member of Object.prototype (`__proto__`, `constructor`,
 * `toString`…), which class-validator and class-transformer would otherwise drop without a word, where any
 * other unknown key is refused. One error per field, by dotted path.
 */
export function unsafeInputErrors(input: unknown, root = ''): FieldError[] {
  const errors: FieldError[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) errors.push({ field: path || 'body', messages: [`${path || 'body'} ${UNSTORABLE_MESSAGE}`] });
      continue;
    }
    if (!isContainer(value)) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      errors.push({ field: path || 'body', messages: [`${path || 'body'} is nested deeper than ${MAX_INPUT_DEPTH} levels`] });
      continue;
    }
    // Reversed onto the stack, so that errors come out in the order of the fields.
    for (const [key, child] of Object.entries(value).reverse()) {
      const childPath = join(path, key);
      if (OBJECT_MEMBERS.has(key)) {
        errors.push({ field: childPath, messages: [`property ${key} should not exist`] });
        continue;
      }
      if (UNSTORABLE.test(key)) {
        errors.push({ field: childPath, messages: [`the property name ${UNSTORABLE_MESSAGE}`] });
        continue;
      }
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return errors;
}

/** What an upload interceptor hands a handler: a file part with the name the client gave it. */
interface UploadedPart {
  fieldname: string;
  originalname: string;
}

export const isUploadedPart = (value: unknown): value is UploadedPart =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as UploadedPart).fieldname === 'string' &&
  typeof (value as UploadedPart).originalname === 'string';

/**
 * The name of an uploaded file. The multipart parser has already decoded it, turning bytes that are not
 * UTF-8 into U+FFFD: a U+FFFD there stands for bytes that were lost, so the name is refused rather than
 * stored other than the client sent it.
 */
export function uploadedFileNameErrors(part: UploadedPart): FieldError[] {
  const field = `${part.fieldname}.filename`;
  if (part.originalname.includes('\ufffd')) {
    return [{ field, messages: [`${field} must be UTF-8 text (it has bytes that are not, or U+FFFD)`] }];
  }
  return unsafeInputErrors(part.originalname, field);
}
