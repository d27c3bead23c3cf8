/** RFC 9457 problem details, the one error format of the API. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface FieldError {
  /** Dotted path of the failing field, e.g. `contact.email`. */
  field: string;
  messages: string[];
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** Problem types are URNs: stable identifiers clients may switch on, not links. */
export const problemType = (code: string): string => `urn:near:problem:${code}`;
