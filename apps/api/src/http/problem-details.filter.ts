import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, PROBLEM_CONTENT_TYPE, type ProblemDetails, problemType } from '@near/common';
import { isDatabaseUnavailableError, PgErrorCode, pgErrorCode } from '@near/database';
import { domainErrorStatus } from './domain-error-status.js';
import { RequestValidationException } from './validation.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const GENERIC_CODES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'body-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
  500: 'internal-error',
  503: 'service-unavailable',
};

type Problem = ProblemDetails;

function generic(status: number, detail: string, extra: Record<string, unknown> = {}): Problem {
  return { type: problemType(GENERIC_CODES[status] ?? `http-${status}`), title: TITLES[status] ?? 'Error', status, detail, ...extra };
}

/** Errors raised by Fastify itself (body parsing, size limits) carry a 4xx statusCode and an FST_ code. */
function fastifyClientError(error: unknown): { statusCode: number; message: string } | undefined {
  const candidate = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (
    typeof candidate?.statusCode === 'number' &&
    candidate.statusCode >= 400 &&
    candidate.statusCode < 500 &&
    typeof candidate.code === 'string'
  ) {
    return { statusCode: candidate.statusCode, message: String(candidate.message ?? '') };
  }
  return undefined;
}

/**
 * The one exception filter: every error leaves as RFC 9457 problem+json, never with a stack trace.
 * Anything unexpected is logged in full and answered as a bare 500.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const problem = this.toProblem(exception);
    if (problem.status >= 500 && problem.status !== HttpStatus.SERVICE_UNAVAILABLE) {
      this.logger.error({ err: exception }, 'Unhandled error');
    }
    const body: ProblemDetails = { ...problem, instance: request.url, requestId: request.id };
    if (typeof problem.retryAfterSeconds === 'number') void reply.header('Retry-After', String(problem.retryAfterSeconds));
    if (problem.status === HttpStatus.SERVICE_UNAVAILABLE) void reply.header('Retry-After', '5');
    void reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(body);
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof RequestValidationException) {
      return { ...generic(400, exception.message), type: problemType('validation-failed'), errors: exception.fieldErrors };
    }
    if (exception instanceof DomainError) {
      const status = domainErrorStatus(exception);
      return {
        type: problemType(exception.code),
        title: TITLES[status] ?? 'Error',
        status,
        detail: exception.message,
        ...exception.details,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
      if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/.test(detail)) {
        return generic(404, 'No route matches this method and path.');
      }
      return generic(status, detail);
    }
    const clientError = fastifyClientError(exception);
    if (clientError) return generic(clientError.statusCode, clientError.message);
    if (isDatabaseUnavailableError(exception)) {
      return generic(503, 'The database is unavailable right now; nothing was changed. Try again shortly.');
    }
    switch (pgErrorCode(exception)) {
      case PgErrorCode.UniqueViolation:
        return generic(409, 'This would duplicate a record that already exists.');
      case PgErrorCode.SerializationFailure:
      case PgErrorCode.DeadlockDetected:
        return generic(409, 'Another change happened at the same moment; nothing was changed. Try again.');
    }
    return generic(500, 'An unexpected error occurred; it has been logged.');
  }
}
