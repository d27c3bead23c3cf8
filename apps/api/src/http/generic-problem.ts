import { type ProblemDetails, problemType } from '@near/common';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const GENERIC_CODES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  408: 'request-timeout',
  409: 'conflict',
  413: 'body-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  428: 'precondition-required',
  429: 'too-many-requests',
  431: 'headers-too-large',
  500: 'internal-error',
  503: 'service-unavailable',
};

export const titleOf = (status: number): string => TITLES[status] ?? 'Error';

/** A problem that says no more than its status and a sentence: for errors that have no code of their own. */
export function genericProblem(status: number, detail: string, extra: Record<string, unknown> = {}): ProblemDetails {
  return { type: problemType(GENERIC_CODES[status] ?? `http-${status}`), title: titleOf(status), status, detail, ...extra };
}
