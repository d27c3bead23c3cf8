import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '@near/common';
import { genericProblem } from './generic-problem.js';

/** Where the web app lives in the browser; the API's own routes stay at the root. */
export const WEB_APP_PREFIX = '/app/';
/** The web app's page that checks a decision's documents, outside /app/ so that its address is short. */
export const VERIFY_PREFIX = '/verify/';

/**
 * Stricter than the API-wide policy (which lets the OpenAPI page run inline code): the web app runs no
 * inline script or style and talks only to its own origin.
 */
const WEB_APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

interface WebFile {
  type: string;
  etag: string;
  /** Content-hashed names never change, so browsers may keep them for good. */
  immutable: boolean;
  identity: Buffer;
  gzip?: Buffer;
  br?: Buffer;
}

/** The build output (`npm run build` writes dist/web), found from this module in the sources and in dist alike. */
export function webAppDirectory(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json')) && dirname(directory) !== directory) directory = dirname(directory);
  return join(directory, 'dist', 'web');
}

function loadFiles(root: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  if (!existsSync(root)) return files;
  for (const name of readdirSync(root, { recursive: true }) as string[]) {
    const path = join(root, name);
    const type = CONTENT_TYPES[extname(name)];
    if (!type || !statSync(path).isFile()) continue;
    const identity = readFileSync(path);
    const compressed = (suffix: string) => (existsSync(path + suffix) ? readFileSync(path + suffix) : undefined);
    files.set(relative(root, path).split(sep).join('/'), {
      type,
      etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
      immutable: /-[A-Z0-9]{8}\.(js|css)$/.test(name),
      identity,
      gzip: compressed('.gz'),
      br: compressed('.br'),
    });
  }
  return files;
}

function send(request: FastifyRequest, reply: FastifyReply, file: WebFile): FastifyReply {
  void reply
    .header('Content-Security-Policy', WEB_APP_CSP)
    .header('Content-Type', file.type)
    .header('ETag', file.etag)
    .header('Vary', 'Accept-Encoding')
    .header('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (request.headers['if-none-match'] === file.etag) return reply.status(304).send();
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (file.br && /\bbr\b/.test(accepted)) return reply.header('Content-Encoding', 'br').send(file.br);
  if (file.gzip && /\bgzip\b/.test(accepted)) return reply.header('Content-Encoding', 'gzip').send(file.gzip);
  return reply.send(file.identity);
}

/**
 * Serves the web app's static files under /app/, outside Nest's controllers (so it is not part of the
 * API's OpenAPI document). Any other path under /app/ gets index.html, for the app's own routing, as does
 * /verify/<reference>; `/` leads there. The files are read once at start: there are a handful of them and they change only with
 * a build.
 */
export function webApp(root: string) {
  return async (fastify: FastifyInstance): Promise<void> => {
    const files = loadFiles(root);
    fastify.get('/', (_request, reply) => reply.redirect(WEB_APP_PREFIX));
    fastify.get('/app', (_request, reply) => reply.redirect(WEB_APP_PREFIX, 301));
    const serve = (request: FastifyRequest, reply: FastifyReply, path: string) => {
      const file = files.get(path) ?? files.get('index.html');
      if (!file) {
        return reply
          .status(503)
          .header('Content-Type', PROBLEM_CONTENT_TYPE)
          .send({ ...genericProblem(503, 'The web app is not built: run `npm run build`.'), requestId: request.id });
      }
      return send(request, reply, file);
    };
    fastify.get(`${WEB_APP_PREFIX}*`, (request, reply) => serve(request, reply, (request.params as { '*': string })['*']));
    // The public verification page, at the short address printed (and QR-coded) on certificates.
    fastify.get(`${VERIFY_PREFIX}*`, (request, reply) => serve(request, reply, 'index.html'));
  };
}
