import fc from 'fast-check';
import { hostileKey, hostileText, hostileUrlValue, hostileValue, percentEncode, ref } from './hostile-values.js';
import type { Operation, Parameter, Schema } from './openapi-operations.js';

/*
 * Hostile requests, generated from the OpenAPI document: a valid request for the route, then a few
 * mutations (a hostile text in a field, a field of the wrong type, a field dropped, a field added, the whole
 * body replaced; a path or query value made hostile, repeated or added; a header made meaningless).
 */

/** A field a client writes prose in: stored as sent (e-mail addresses are lower-cased, passwords hashed). */
const isFreeText = (name: string, schema: Schema) =>
  schema.type === 'string' && !schema.enum && !schema.format && !/password|email/i.test(name);

/** A valid value for a field, as the OpenAPI document describes it. */
function validValue(name: string, schema: Schema, valid: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  if (valid[name]) return valid[name];
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.oneOf) return fc.oneof(...schema.oneOf.map((option) => validValue(name, option, valid)));
  switch (schema.type) {
    case 'object':
    case undefined:
      return fc
        .tuple(
          ...Object.entries(schema.properties ?? {}).map(([key, property]) =>
            validValue(key, property, valid).map((value) => [key, value] as const),
          ),
        )
        .map((entries) => Object.fromEntries(entries));
    case 'array':
      return fc.array(validValue(name, schema.items ?? {}, valid), { minLength: 1, maxLength: 2 });
    case 'integer':
    case 'number':
      return fc.integer({ min: schema.minimum ?? 1, max: schema.maximum ?? 1000 });
    case 'boolean':
      return fc.boolean();
  }
  if (/email/i.test(name)) return fc.uuid().map((uuid) => `hostile.${uuid.slice(0, 8)}@test.example`);
  switch (schema.format) {
    case 'uuid':
      return fc.constant(ref(name));
    case 'date':
      return fc.constant('2026-04-15');
    case 'date-time':
      return fc.constant('2031-01-01T00:00:00.000Z');
  }
  return fc.constantFrom(typeof schema.example === 'string' ? schema.example : 'Ordinary text', 'Ordinary text');
}

/** Every field of a schema by path (arrays as their first item), with its schema. */
function fieldsOf(schema: Schema, path: string[] = []): { path: string[]; schema: Schema }[] {
  const properties = {
    ...Object.assign({}, ...(schema.oneOf ?? []).map((option) => option.properties ?? {})),
    ...schema.properties,
  } as Record<string, Schema>;
  return Object.entries(properties).flatMap(([key, property]) => {
    const here = [...path, key];
    if (property.type === 'array') return [{ path: here, schema: property }, ...fieldsOf(property.items ?? {}, [...here, '0'])];
    return [{ path: here, schema: property }, ...fieldsOf(property, here)];
  });
}

/** The free-text fields of a body, by name: what a route that stores text must give back verbatim. */
export function freeTexts(schema: Schema, body: unknown): { field: string; text: string }[] {
  return fieldsOf(schema)
    .filter((field) => isFreeText(field.path[field.path.length - 1], field.schema))
    .map((field) => ({
      field: field.path[field.path.length - 1],
      text: field.path.reduce<unknown>(
        (value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
        body,
      ),
    }))
    .filter((entry): entry is { field: string; text: string } => typeof entry.text === 'string');
}

type Mutation =
  | { kind: 'text'; path: string[]; text: string }
  | { kind: 'value'; path: string[]; value: unknown }
  | { kind: 'drop'; path: string[] }
  | { kind: 'extra'; path: string[]; key: string; value: unknown }
  | { kind: 'body'; value: unknown };

function mutation(schema: Schema): fc.Arbitrary<Mutation> {
  const fields = fieldsOf(schema);
  const texts = fields.filter((field) => isFreeText(field.path[field.path.length - 1], field.schema)).map((field) => field.path);
  const paths = fields.map((field) => field.path);
  const parents = [[], ...fields.filter((field) => field.schema.type === 'object' || field.schema.properties).map((field) => field.path)];
  const options: fc.WeightedArbitrary<Mutation>[] = [
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('body' as const), value: hostileValue }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('extra' as const),
        path: fc.constantFrom(...parents),
        key: hostileKey,
        value: hostileValue,
      }),
    },
  ];
  if (texts.length > 0) {
    options.push({
      weight: 6,
      arbitrary: fc.record({ kind: fc.constant('text' as const), path: fc.constantFrom(...texts), text: hostileText }),
    });
  }
  if (paths.length > 0) {
    options.push(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('value' as const), path: fc.constantFrom(...paths), value: hostileValue }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), path: fc.constantFrom(...paths) }) },
    );
  }
  return fc.oneof(...options);
}

function applyMutation(body: unknown, change: Mutation): unknown {
  if (change.kind === 'body') return change.value;
  const copy = structuredClone(body);
  const path = change.kind === 'extra' ? change.path : change.path.slice(0, -1);
  let parent: unknown = copy;
  for (const key of path) parent = parent && typeof parent === 'object' ? (parent as Record<string, unknown>)[key] : undefined;
  if (!parent || typeof parent !== 'object') return copy;
  const target = parent as Record<string, unknown>;
  const key = change.kind === 'extra' ? change.key : change.path[change.path.length - 1];
  if (change.kind === 'drop') delete target[key];
  // defineProperty, so that a key named __proto__ becomes a property of its own, as JSON.parse would make it.
  else
    Object.defineProperty(target, key, {
      value: change.kind === 'text' ? change.text : change.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}

/** A body: valid for the schema, then none to three mutations. */
export function hostileBody(schema: Schema, valid: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<unknown> {
  return fc
    .tuple(validValue('body', schema, valid), someOf(mutation(schema), 3))
    .map(([body, mutations]) => mutations.reduce(applyMutation, body));
}

function validUrlValue(parameter: Parameter, valid: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<string> {
  if (!valid[parameter.name] && (parameter.schema.format === 'uuid' || (parameter.in === 'path' && !parameter.schema.enum))) {
    return fc.constantFrom(ref(parameter.name), ref(`${parameter.name}:upper`));
  }
  return validValue(parameter.name, parameter.schema, valid).map((value) => percentEncode(String(value)));
}

/** One generated request; markers are resolved by `serialize` once the scene exists. */
export interface HostileRequest {
  /** The path parameters, as URL text. */
  pathParameters: Record<string, string>;
  /** `name=value` pairs, as URL text, in order. */
  query: [string, string][];
  headers: Record<string, string>;
  body?: unknown;
}

/** Header values are ASCII only (Node refuses to send anything else), but need not make sense. */
const HOSTILE_HEADER = fc.constantFrom(
  '',
  ' ',
  '*',
  '"',
  'W/"',
  '"999999999999"',
  '"-1"',
  'x'.repeat(300),
  "'; DROP TABLE applications; --",
  '\t1',
);

/** None (most often) to `max` mutations. */
const someOf = <T>(mutation: fc.Arbitrary<T>, max: number) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant([] as T[]) },
    { weight: 3, arbitrary: fc.array(mutation, { minLength: 1, maxLength: max }) },
  );

/** The query string: declared parameters left out or valid, then a few made hostile, repeated, or added. */
function hostileQuery(parameters: Parameter[], valid: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<[string, string][]> {
  const names = parameters.map((parameter) => parameter.name);
  const declared = fc.tuple(
    ...parameters.map((parameter) =>
      fc.option(validUrlValue(parameter, valid), { nil: undefined }).map((value) => [parameter.name, value] as const),
    ),
  );
  const changes: fc.Arbitrary<[string, string[]]>[] = [
    fc.tuple(
      hostileKey.map(percentEncode),
      hostileUrlValue.map((value) => [value]),
    ),
  ];
  if (names.length > 0) {
    changes.push(
      fc.tuple(
        fc.constantFrom(...names),
        hostileUrlValue.map((value) => [value]),
      ),
      fc.tuple(fc.constantFrom(...names), fc.array(hostileUrlValue, { minLength: 2, maxLength: 3 })),
    );
  }
  return fc.tuple(declared, someOf(fc.oneof(...changes), 2)).map(([base, mutations]) => {
    const values = new Map<string, string[]>(base.flatMap(([name, value]) => (value === undefined ? [] : [[name, [value]]])));
    for (const [name, replacement] of mutations) values.set(name, replacement);
    return [...values].flatMap(([name, list]) => list.map((value) => [name, value] as [string, string]));
  });
}

/**
 * A request for the operation: valid, then a few hostile mutations of its path, query, headers and body.
 * `bodySchema` picks the body's schema once the path is known (an action's body depends on the action);
 * `valid` gives parameters and fields a valid value of the scene (a real user's e-mail, a real cursor).
 */
export function hostileRequest(
  operation: Operation,
  bodySchema: (path: Record<string, string>) => Schema | undefined,
  valid: Record<string, fc.Arbitrary<unknown>> = {},
): fc.Arbitrary<HostileRequest> {
  const byPlace = (place: Parameter['in']) => operation.parameters.filter((parameter) => parameter.in === place);
  const path = fc.tuple(
    ...byPlace('path').map((parameter) =>
      fc
        .oneof({ weight: 4, arbitrary: validUrlValue(parameter, valid) }, { weight: 1, arbitrary: hostileUrlValue })
        .map((value) => [parameter.name, value] as const),
    ),
  );
  const headers = fc.tuple(
    ...byPlace('header').map((parameter) => {
      const options: fc.WeightedArbitrary<string | undefined>[] = [
        { weight: 3, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: HOSTILE_HEADER },
      ];
      if (valid[parameter.name]) options.push({ weight: 2, arbitrary: valid[parameter.name].map(String) });
      return fc.oneof(...options).map((value) => [parameter.name, value] as const);
    }),
  );
  return fc.tuple(path, hostileQuery(byPlace('query'), valid), headers).chain(([pathEntries, query, headerEntries]) => {
    const pathParameters = Object.fromEntries(pathEntries);
    const schema = bodySchema(pathParameters);
    return (schema ? hostileBody(schema, valid) : fc.constant(undefined)).map((body) => ({
      pathParameters,
      query,
      headers: Object.fromEntries(headerEntries.filter((entry): entry is readonly [string, string] => entry[1] !== undefined)),
      ...(schema ? { body } : {}),
    }));
  });
}
