import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';
import type { TestApp } from './create-test-app.js';

interface ResponseObject {
  content?: Record<string, { schema?: object }>;
}
interface Document {
  paths: Record<string, Record<string, { responses?: Record<string, ResponseObject> }>>;
  components?: { schemas?: Record<string, object> };
}

/**
 * OpenAPI 3.0.0, which the document declares, says `nullable` "allows sending a null value for the defined
 * schema": the whole schema, `allOf` and `$ref` included (Nest writes a nullable reference so). In JSON Schema
 * that is an `anyOf` with null.
 */
function withNullsAllowed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withNullsAllowed);
  if (typeof schema !== 'object' || schema === null) return schema;
  const { nullable, ...rest } = schema as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, withNullsAllowed(value)]));
  return nullable === true ? { anyOf: [{ type: 'null' }, converted] } : converted;
}

/** OpenAPI 3.0 words that are not JSON Schema validation keywords. */
const ANNOTATIONS = ['example', 'externalDocs', 'xml'];

/**
 * The API's answers held against its own OpenAPI document by an independent validator (Ajv): the status is
 * one the route declares, the content type one declared for that status, and a JSON body matches its schema.
 * What a client generated from the document relies on.
 */
export class ApiContract {
  private readonly validators = new Map<string, ValidateFunction>();

  private constructor(
    private readonly document: Document,
    private readonly ajv: Ajv,
  ) {}

  static async of(api: TestApp): Promise<ApiContract> {
    const document = (await api.http().get('/docs-json').expect(200)).body as Document;
    // Formats as the document names them (uuid, date-time, email…).
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, keywords: ANNOTATIONS });
    // A CommonJS module: its default export, as NodeNext types it, is the module object.
    addFormats.default(ajv);
    ajv.addSchema({ components: withNullsAllowed(document.components ?? {}) }, 'openapi.json');
    return new ApiContract(document, ajv);
  }

  /** Why an answer to `METHOD /path/{param}` breaks the document; empty when it keeps it. */
  problems(route: string, response: Pick<Response, 'status' | 'headers' | 'body' | 'text'>): string[] {
    const [method, path] = route.split(' ');
    const responses = this.document.paths[path]?.[method.toLowerCase()]?.responses;
    if (!responses) return [`${route} is not in the document`];
    const declared = responses[String(response.status)] ?? responses[`${String(response.status)[0]}XX`] ?? responses.default;
    if (!declared) return [`${route} answered ${response.status}, which it does not declare (${Object.keys(responses).join(', ')})`];
    const contentType = String(response.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    const content = declared.content ?? {};
    if (Object.keys(content).length === 0) {
      return response.text ? [`${route} answered ${response.status} with a body where it declares none`] : [];
    }
    if (!content[contentType]) {
      return [`${route} answered ${response.status} as "${contentType}", declared: ${Object.keys(content).join(', ')}`];
    }
    const schema = content[contentType].schema;
    if (!schema || !/^application\/([\w.-]+\+)?json$/.test(contentType)) return [];
    const validate = this.validator(`${route} ${response.status} ${contentType}`, schema);
    if (validate(response.body)) return [];
    return (validate.errors ?? []).map(
      (error) => `${route} ${response.status}: body${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`,
    );
  }

  private validator(key: string, schema: object): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      // The document's references point into its own components.
      const rebased = JSON.parse(
        JSON.stringify(withNullsAllowed(schema)).replaceAll('"#/components/', '"openapi.json#/components/'),
      ) as object;
      validate = this.ajv.compile(rebased);
      this.validators.set(key, validate);
    }
    return validate;
  }
}
