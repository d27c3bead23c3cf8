/**
 * Base of each module's own error type. A module declares `class XError extends DomainError<XErrorCode>`
 * with a string enum of codes; the HTTP layer maps every code to a status in one exhaustive switch.
 */
export abstract class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    /** Extra members for the problem document, e.g. the current state of an application. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
