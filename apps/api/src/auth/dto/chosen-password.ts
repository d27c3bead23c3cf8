import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@near/common';

/**
 * A password its owner chooses. Only its type and a generous bound are checked here: the rules (length, common
 * passwords, the owner's e-mail) need the owner, and their refusal names the reason (docs/api.md).
 */
export const ChosenPassword = () =>
  applyDecorators(
    ApiProperty({
      minLength: PASSWORD_MIN_LENGTH,
      maxLength: PASSWORD_MAX_LENGTH,
      description: `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, no other composition rule; refused when it is a common or breached password or contains the owner's e-mail address (or the part before the @).`,
    }),
    IsString(),
    MaxLength(1024),
  );

/** The token of an e-mailed link: `<id>.<secret>`, as the link's last path segment carries it. */
export const LinkToken = () =>
  applyDecorators(ApiProperty({ description: 'The last part of the e-mailed link.', maxLength: 256 }), IsString(), MaxLength(256));
