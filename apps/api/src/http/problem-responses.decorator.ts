import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: the problem lists the failing fields.',
  401: 'No valid bearer token.',
  403: 'The caller’s role may not do this.',
  404: 'Not found, or not visible to the caller.',
  409: 'Conflicts with the current state.',
  412: 'The If-Match version is stale.',
  413: 'The body is too large.',
  415: 'Unsupported media type.',
  422: 'Well-formed but not acceptable: a rule of the domain refuses it.',
  429: 'Too many failed attempts; see Retry-After.',
  503: 'A dependency (database or Redis) is unavailable.',
};

/** Documents the problem+json answers a route can give. */
export function ProblemResponses(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}
