import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto.js';

const DESCRIPTIONS = {
  400: 'Invalid input: the problem lists the failing fields.',
  401: 'No valid bearer token.',
  403: 'The caller’s role may not do this.',
  404: 'Not found, or not visible to the caller.',
  409: 'Conflicts with the current state.',
  412: 'The If-Match version is stale.',
  413: 'The body is too large.',
  415: 'Unsupported media type.',
  422: 'Well-formed but not acceptable: a rule of the domain refuses it.',
  428: 'The If-Match header is required: send the ETag the caller last saw.',
  429: 'Too many failed attempts; see Retry-After.',
  503: 'A dependency (database or Redis) is unavailable, or the server is shutting down; see Retry-After.',
  '4XX': 'The request is malformed: not valid HTTP (400), or its request line and headers are over 16 KiB (431).',
} as const;

export type ProblemStatus = keyof typeof DESCRIPTIONS;

/** Documents one problem+json answer, with a description of its own where the usual one says too little. */
export function ProblemResponse(status: ProblemStatus, description: string = DESCRIPTIONS[status]) {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ApiResponse({ status, description, content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } } }),
  );
}

/**
 * Documents the problem+json answers a route can give, and 503 for every route: each one reads PostgreSQL
 * (the access guard looks the caller up, sign-in its account), and a server shutting down answers 503.
 */
export function ProblemResponses(...statuses: ProblemStatus[]) {
  return applyDecorators(...[...statuses, 503 as const].map((status) => ProblemResponse(status)));
}
