import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, type RequestBodyObject, type SchemaObject, SwaggerModule } from '@nestjs/swagger';
import type { LoadedConfig } from '@near/config';
import { ApiModule } from '../api.module.js';
import { MULTIPART_BODY_EXTENSION } from './multipart-body.js';

/** The OpenAPI document of the API's routes, from the controllers' decorators. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('NEAR admission system')
    .setDescription(
      'Applications for membership of the Association of North East Asia Regional Governments: filing, eligibility review, ' +
        'the votes of the deciding bodies and the member registry. Every error is RFC 9457 `application/problem+json`.',
    )
    .setVersion('1')
    // As package.json says: no licence is granted, in npm's sense of `UNLICENSED`, which the url explains.
    .setLicense('UNLICENSED', 'https://docs.npmjs.com/cli/configuring-npm/package-json#license')
    // Relative: the API answers on the host that serves this document, wherever it is deployed.
    .addServer('/', 'The host serving this document')
    // As the access guard does: every route needs the bearer token unless it is @Public (which says `security: []`).
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  return withTransportProblems(withMultipartBodies(SwaggerModule.createDocument(app, config)));
}

/**
 * Nest's explorer gives a route one body schema for every content type it consumes; a route that takes JSON
 * or a multipart form of other parts names the form's schema in MULTIPART_BODY_EXTENSION, moved here beside
 * the JSON one.
 */
function withMultipartBodies(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem) as Record<string, unknown>[]) {
      const schema = operation?.[MULTIPART_BODY_EXTENSION] as SchemaObject | undefined;
      if (!schema) continue;
      delete operation[MULTIPART_BODY_EXTENSION];
      const requestBody = operation.requestBody as RequestBodyObject;
      requestBody.content['multipart/form-data'] = { schema };
    }
  }
  return document;
}

/**
 * What the HTTP layer answers before a route is chosen, on every route: request line and headers over 16 KiB
 * (431) and, where the path has parameters, one over 100 characters (414). Declared here so that no route
 * can forget them.
 */
function withTransportProblems(document: OpenAPIObject): OpenAPIObject {
  const problem = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } },
  });
  for (const [path, pathItem] of Object.entries(document.paths)) {
    for (const operation of Object.values(pathItem) as { responses?: Record<string, unknown> }[]) {
      if (!operation?.responses || operation.responses['4XX']) continue;
      if (path.includes('{')) operation.responses['414'] = problem('A path parameter is longer than 100 characters.');
      operation.responses['431'] = problem('The request line and headers are larger than 16 KiB.');
    }
  }
  return document;
}

/**
 * OpenAPI at /docs (the interactive page) and /docs-json (the document). Built on the first request for it, and
 * kept: building it takes a few hundred milliseconds of start-up that few of the API's processes would ever use.
 */
export function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}

/**
 * The same document with no server, database or Redis: Nest's preview mode scans the modules and their
 * controllers without creating a single provider, so nothing connects anywhere. What the web app's build
 * generates its API types from (apps/api/src/cli/write-openapi.ts).
 */
export async function buildOpenApiDocumentOffline(loaded: LoadedConfig): Promise<OpenAPIObject> {
  const app = await NestFactory.create(ApiModule.forRoot(loaded), new FastifyAdapter(), { preview: true, logger: false });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
