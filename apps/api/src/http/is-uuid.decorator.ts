import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsUUID } from 'class-validator';

const lowerCased = (value: unknown): unknown => (typeof value === 'string' ? value.toLowerCase() : value);

/**
 * A UUID in any case, kept in canonical lower case, as UuidParamPipe does for path parameters: PostgreSQL
 * compares uuids whatever their case, but ids are also kept and compared as text (audit entries, the
 * services' own checks), where "8FC6718E-…" named no government.
 */
export const IsUuid = (options: { each?: boolean } = {}): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map(lowerCased) : lowerCased(value))),
    IsUUID('all', options),
  );
