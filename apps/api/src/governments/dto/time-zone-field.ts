import { applyDecorators } from '@nestjs/common';
import { IsTimeZone, Matches } from 'class-validator';
import { timeZoneNamed } from '@near/registry';

/** A zone as Intl spells it (`asia/vladivostok` → `Asia/Vladivostok`); anything else is left for the check to refuse. */
export const timeZoneOf = ({ value }: { value: unknown }) => (typeof value === 'string' ? (timeZoneNamed(value.trim()) ?? value) : value);

/** An IANA time zone name, not an offset (`+09:00` is wrong half the year where clocks change). */
export const IsTimeZoneName = () =>
  applyDecorators(
    IsTimeZone({ message: '$property must be an IANA time zone, such as Asia/Vladivostok' }),
    Matches(/^[A-Za-z]/, { message: '$property must be an IANA time zone, such as Asia/Vladivostok' }),
  );
