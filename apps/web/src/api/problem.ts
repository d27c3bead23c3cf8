import type { FieldError, Problem } from './types.js';

/** An RFC 9457 problem the API answered with, or one made up for a request that never got an answer. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    /** The last part of `urn:near:problem:<code>`. */
    readonly code: string,
    readonly detail: string,
    readonly fieldErrors: FieldError[] = [],
    /** Why a field's value was refused, when the API names it (a password's rule): the language file words it. */
    readonly reason?: string,
  ) {
    super(detail);
  }

  /** Someone else acted first: the page shows stale data. */
  get isConflict(): boolean {
    return this.status === 409 || this.status === 412;
  }

  static async fromResponse(response: Response): Promise<ApiProblem> {
    const body = (await response.json().catch(() => ({}))) as Partial<Problem>;
    return ApiProblem.fromBody(response.status, body);
  }

  static fromBody(status: number, body: Partial<Problem>): ApiProblem {
    const code = body.type?.replace('urn:near:problem:', '') ?? `http-${status}`;
    const reason = (body as { reason?: unknown }).reason;
    return new ApiProblem(status, code, body.detail ?? '', body.errors ?? [], typeof reason === 'string' ? reason : undefined);
  }

  static offline(): ApiProblem {
    return new ApiProblem(0, 'offline', '');
  }
}
