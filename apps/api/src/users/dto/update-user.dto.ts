import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { SUPPORTED_LOCALES, type Locale } from '@near/common';
import { ROLES, type Role } from '@near/identity';
import { IsUuid } from '../../http/is-uuid.decorator.js';

/** A correction of a user; a field left out stays as it is. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Hanako Sato', minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, description: 'The Secretariat may give only applicant and delegate.' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({
    format: 'uuid',
    type: String,
    nullable: true,
    description: 'Required for applicant and delegate, refused for the others; null to remove (a role without a government drops it).',
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsUuid()
  governmentId?: string | null;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({
    description: 'true disables the user (refused everywhere at once, e-mailed links stop working); false enables it.',
  })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}
