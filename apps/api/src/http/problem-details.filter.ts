import { redactUrl } from '../logging/redact-url.js';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, PROBLEM_CONTENT_TYPE, type ProblemDetails, problemType } from '@near/common';
import { isDatabaseUnavailableError, PgErrorCode, pgErrorCode } from '@near/database';
import { domainErrorStatus } from './domain-error-status.js';
import { genericProblem as generic, titleOf } from './generic-problem.js';
import { RequestValidationException } from './validation.js';

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
      this.logger.error({ err: exception, req: { id: request.id } }, 'Unhandled error');
    }
    const body: ProblemDetails = { ...problem, instance: redactUrl(request.url), requestId: request.id };
    if (typeof problem.retryAfterSeconds === 'number') void reply.header('Retry-After', String(problem.retryAfterSeconds));
    if (problem.status === HttpStatus.SERVICE_UNAVAILABLE) void reply.header('Retry-After', '5');
    void reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(body);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof RequestValidationException) {
      return { ...generic(400, exception.message), type: problemType('validation-failed'), errors: exception.fieldErrors };
    }
    if (exception instanceof DomainError) {
      const status = domainErrorStatus(exception);
      const { field, ...details } = exception.details;
      if (status === 400 && typeof field === 'string') {
        // A rule of the domain that refuses one field's value (a password): answered as the DTOs' refusals are.
        return {
          ...generic(400, `The request has 1 invalid field: ${field}.`),
          type: problemType('validation-failed'),
          errors: [{ field, messages: [exception.message] }],
          code: exception.code,
          ...details,
        };
      }
      return {
        type: problemType(exception.code),
        title: titleOf(status),
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
