import { BadRequestException } from '@nestjs/common';

/** An Idempotency-Key is 1 to 200 visible ASCII characters (a UUID will do); absent is fine. */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(header)) {
    throw new BadRequestException('Idempotency-Key must be 1 to 200 visible ASCII characters, e.g. a UUID.');
  }
  return header;
}
