import { BadRequestException } from '@nestjs/common';

/** Reads `If-Match: "7"` (or W/"7", or 7) as version 7; absent means the caller does not ask for a check. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new BadRequestException('If-Match must be an ETag the API gave, e.g. "3".');
  return Number(match[1]);
}

export const etagOf = (version: number) => `"${version}"`;
