import type { TestApp } from './create-test-app.js';

/** The part of JSON Schema the API's OpenAPI document uses. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  oneOf?: Schema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

/** One operation of the OpenAPI document, with every $ref resolved. */
export interface Operation {
  /** `METHOD /path/{param}`, as the access tables key their rows. */
  route: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { contentType: string; schema: Schema; required: boolean };
}

interface Document {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> } }>
  >;
  components: { schemas: Record<string, Schema> };
}

export interface OpenApiDocument {
  operations: Operation[];
  /** A named schema of `components`, its $refs resolved. */
  schema(name: string): Schema | undefined;
}

/** Every operation the running API documents at /docs-json: the route table the security suites are built from. */
export async function openApiOperations(api: TestApp): Promise<Operation[]> {
  return (await openApiDocument(api)).operations;
}

export async function openApiDocument(api: TestApp): Promise<OpenApiDocument> {
  const response = await api.http().get('/docs-json').expect(200);
  const document = response.body as Document;
  const resolve = (schema: Schema, seen: string[] = []): Schema => {
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      if (seen.includes(name)) return {};
      return resolve(document.components.schemas[name], [...seen, name]);
    }
    return {
      ...schema,
      ...(schema.items ? { items: resolve(schema.items, seen) } : {}),
      ...(schema.oneOf ? { oneOf: schema.oneOf.map((option) => resolve(option, seen)) } : {}),
      ...(schema.properties
        ? { properties: Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, resolve(value, seen)])) }
        : {}),
    };
  };
  const operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => {
      const [contentType, content] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
      return {
        route: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: (operation.parameters ?? []).map((parameter) => ({
          ...parameter,
          required: parameter.required ?? false,
          schema: resolve(parameter.schema ?? {}),
        })),
        ...(contentType && content
          ? { body: { contentType, schema: resolve(content.schema), required: operation.requestBody?.required ?? false } }
          : {}),
      };
    }),
  );
  return {
    operations,
    schema: (name) => (document.components.schemas[name] ? resolve(document.components.schemas[name]) : undefined),
  };
}

/** True when a client controls part of the request beyond the route: a body, a query string or a path parameter. */
export const takesInput = (operation: Operation): boolean =>
  operation.body !== undefined || operation.parameters.some((parameter) => parameter.in === 'path' || parameter.in === 'query');
