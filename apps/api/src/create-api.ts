import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger, PinoLogger } from 'nestjs-pino';
import type { LoadedConfig } from '@near/config';
import { assertAppPrivileges, assertPostgresReachable, ensureDatabaseExists } from '@near/database';
import { assertRedisReachable } from '@near/queue';
import { ApiModule } from './api.module.js';
import { acceptOnlyJson } from './http/accepted-media-types.js';
import { answerClientError, answerFrameworkError } from './http/framework-errors.js';
import { strictJsonParser } from './http/json-body-parser.js';
import { setUpOpenApi } from './http/openapi.js';
import { refuseWhileClosing } from './http/refuse-while-closing.js';
import { addSecurityHeaders } from './http/security-headers.js';
import { createValidationPipe } from './http/validation.js';
import { webApp, webAppDirectory } from './http/web-app.js';
import { logEveryResponse } from './logging/access-log.js';
import { requestIdOf } from './logging/request-id.js';

/** Every method a route of the API answers; one no route answers is a 404 whatever CORS allows. */
const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Builds the HTTP application (not yet listening): checks that PostgreSQL and Redis answer, runs the
 * migrations, wires security headers, CORS, the web app under /app/, validation, problem+json and OpenAPI.
 * Used by main and the tests.
 */
export async function createApi(loaded: LoadedConfig): Promise<NestFastifyApplication> {
  const { config } = loaded;
  if (!config.isProduction) await ensureDatabaseExists(config.database.url);
  await assertPostgresReachable(config.database.url);
  if (!config.database.migrationsRun) await assertAppPrivileges(config.database.url);
  await assertRedisReachable(config.redis.url);

  const { trustProxy } = config.http;
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    return503OnClosing: false,
    // No Nest middleware is mounted (the access log is a Fastify hook): without middie no request pays for its engine.
    skipMiddie: true,
    genReqId: requestIdOf,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  refuseWhileClosing(adapter.getInstance());
  adapter.getInstance().addHook('onRequest', async (request, reply) => {
    // Answers carry personal data and are for one bearer only: no cache keeps them unless a route says so.
    void reply.header('X-Request-Id', request.id).header('Cache-Control', 'no-store');
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(loaded), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  try {
    app.useBodyParser('application/json', { bodyLimit: config.http.bodyLimitBytes }, strictJsonParser(adapter.getInstance()));
    app.useLogger(app.get(Logger));
    logEveryResponse(adapter.getInstance(), PinoLogger.root);
    app.flushLogs();
    app.enableShutdownHooks();
    addSecurityHeaders(adapter.getInstance(), { apiDocs: config.http.apiDocs });
    acceptOnlyJson(adapter.getInstance());
    // Parses the Cookie header for the routes under /auth (the refresh and device cookies) and lets them set cookies.
    await app.register(cookie);
    await app.register(cors, {
      origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false,
      // @fastify/cors allows only GET, HEAD and POST unless told: a browser could then cast no ballot (PUT).
      methods: CORS_METHODS,
      credentials: false,
    });
    await app.register(webApp(webAppDirectory()));
    app.useGlobalPipes(createValidationPipe());
    if (config.http.apiDocs) setUpOpenApi(app);
    await app.init();
    return app;
  } catch (error) {
    // A start that fails half-way (a bootstrap hook, a plugin) must not leave its pool and Redis clients open.
    await app.close().catch(() => undefined);
    throw error;
  }
}
