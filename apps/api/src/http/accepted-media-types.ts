import { UnsupportedMediaTypeException } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

/** Fastify route config that lets a route take `multipart/form-data` (see TakesFile). */
interface MediaTypeConfig {
  takesFile?: boolean;
}

/** Marks a route that takes an uploaded file: it alone accepts `multipart/form-data` (a JSON body there is a 400 that says so). */
export const TakesFile = (): MethodDecorator => RouteConfig({ takesFile: true } satisfies MediaTypeConfig);

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Bodies are JSON, or multipart on a route that takes a file; nothing else is read. Fastify and Nest would
 * otherwise parse form-encoded and plain-text bodies too (`choice=yes` cast a ballot, its bytes stored without
 * the UTF-8 check JSON gets), and would read a gzip body as if it were plain. Checked before the body is read.
 */
export function acceptOnlyJson(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request) => {
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      throw new UnsupportedMediaTypeException(
        `Content-Encoding ${JSON.stringify(encoding.slice(0, 100))} is not supported: send the body uncompressed.`,
      );
    }
    const contentType = request.headers['content-type'];
    if (contentType === undefined || !METHODS_WITH_BODY.has(request.method)) return;
    const essence = contentType.split(';')[0].trim().toLowerCase();
    if (essence === 'application/json') return;
    const { takesFile } = request.routeOptions.config as MediaTypeConfig;
    if (essence === 'multipart/form-data' && takesFile) return;
    const accepted = takesFile ? 'multipart/form-data' : 'application/json';
    throw new UnsupportedMediaTypeException(`The body must be ${accepted}, not ${JSON.stringify(essence.slice(0, 100))}.`);
  });
}
