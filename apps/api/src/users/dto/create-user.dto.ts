import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { SUPPORTED_LOCALES, type Locale } from '@near/common';
import { ROLES, type Role } from '@near/identity';
import { IsUuid } from '../../http/is-uuid.decorator.js';

export class CreateUserDto {
  @ApiProperty({ example: 'delegate.toyama@near.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({
    minLength: 12,
    maxLength: 200,
    description:
      'Left out, the user is created invited and e-mailed a link (valid 72 hours, single use) to choose it. Given, it must pass the password rules (docs/api.md).',
  })
  @IsOptional()
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password?: string;

  @ApiProperty({ example: 'Hanako Sato' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for applicant and delegate, refused for the others.' })
  @IsOptional()
  @IsUuid()
  governmentId?: string;

  @ApiPropertyOptional({
    enum: SUPPORTED_LOCALES,
    description:
      "The user's language for the web app and e-mail; when left out, the language of the user's government (KR, KP: ko; CN: zh; JP: ja; RU: ru; MN: mn), else en.",
  })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  locale?: Locale;
}
