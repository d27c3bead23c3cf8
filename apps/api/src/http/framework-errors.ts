import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '@near/common';
import { genericProblem } from './generic-problem.js';

/**
 * Helmet's headers come from an onRequest hook, which these answers never reach: the ones that matter for
 * a JSON error body are set here instead.
 */
const BARE_SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'Cache-Control': 'no-store',
};

const FRAMEWORK_DETAILS: Record<string, string> = {
  FST_ERR_BAD_URL: 'The path is not a valid URL: a %-escape in it is malformed or does not encode UTF-8.',
  FST_ERR_MAX_PARAM_LENGTH: 'A path parameter is too long.',
};

/**
 * Errors Fastify's router answers before any hook or Nest handler runs (a malformed %-escape in the path,
 * a path parameter over maxParamLength): as problem+json, like every other error, instead of Fastify's JSON.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const problem = genericProblem(status, FRAMEWORK_DETAILS[error.code] ?? 'The request is malformed.');
  void reply
    .status(status)
    .headers({ ...BARE_SECURITY_HEADERS, 'Content-Type': PROBLEM_CONTENT_TYPE })
    .send({ ...problem, requestId: request.id });
}

const CLIENT_ERRORS: Record<string, { status: number; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, detail: 'The request line and headers are larger than the server accepts (16 KiB).' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'The request was not received in time.' },
};

/**
 * Requests Node's HTTP parser refuses (headers or URL over 16 KiB, a malformed request line): no request
 * object exists yet, so the answer is written to the socket, still as problem+json.
 */
export function answerClientError(error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, detail } = CLIENT_ERRORS[error.code ?? ''] ?? { status: 400, detail: 'The request is not valid HTTP.' };
  const body = JSON.stringify(genericProblem(status, detail));
  if (socket.writable) {
    socket.write(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
        `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        ...Object.entries(BARE_SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}`),
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  }
  socket.destroy(error);
}
