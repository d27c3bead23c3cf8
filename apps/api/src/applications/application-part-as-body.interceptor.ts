import { BadRequestException, type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';

/**
 * A filing sent as multipart/form-data carries the JSON body in its part `application`: that part becomes
 * the body the route validates, exactly as a JSON request's body. Runs after the multipart interceptor,
 * before the pipes. A JSON request passes untouched.
 */
@Injectable()
export class ApplicationPartAsBody implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (isMultipart(request.headers['content-type'])) {
      const part = (request.body as Record<string, unknown> | undefined)?.application;
      if (typeof part !== 'string') {
        throw new BadRequestException('A filing sent as multipart/form-data needs a part "application" holding the application as JSON.');
      }
      request.body = parseApplicationPart(part);
    }
    return next.handle();
  }
}

export const isMultipart = (contentType: string | undefined): boolean => /^multipart\/form-data\b/i.test(contentType ?? '');

/** As the JSON body parser does, refuses `__proto__` and `constructor.prototype` keys. */
function parseApplicationPart(text: string): unknown {
  let forbiddenKey = false;
  let value: unknown;
  try {
    value = JSON.parse(text, function (key, item: unknown) {
      if (key === '__proto__' || (key === 'constructor' && item !== null && typeof item === 'object' && 'prototype' in item)) {
        forbiddenKey = true;
      }
      return item;
    });
  } catch {
    throw new BadRequestException('The part "application" is not JSON.');
  }
  if (forbiddenKey)
    throw new BadRequestException('The part "application" has a property named __proto__ or constructor.prototype; neither is accepted.');
  return value;
}
