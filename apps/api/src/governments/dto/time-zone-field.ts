import { ValidateBy } from 'class-validator';
import { timeZoneNamed } from '@near/registry';

/** A zone as Intl spells it (`asia/vladivostok` → `Asia/Vladivostok`); anything else is left for the check to refuse. */
export const timeZoneOf = ({ value }: { value: unknown }) => (typeof value === 'string' ? (timeZoneNamed(value.trim()) ?? value) : value);

/** An IANA time zone name, by the registry's own rule (`timeZoneNamed`): no offset, which is wrong half the year where clocks change. */
export const IsTimeZoneName = () =>
  ValidateBy({
    name: 'isTimeZoneName',
    validator: {
      validate: (value) => typeof value === 'string' && timeZoneNamed(value) !== null,
      defaultMessage: () => '$property must be an IANA time zone, such as Asia/Vladivostok',
    },
  });
