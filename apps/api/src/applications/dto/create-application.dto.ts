import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { APPLICATION_CATEGORIES, type ApplicationCategory } from '@near/admission';
import { SUPPORTED_LOCALES, type Locale } from '@near/common';
import { ContactBody } from './action-bodies.js';
import { IsUuid } from '../../http/is-uuid.decorator.js';

export class CreateApplicationDto {
  @ApiProperty({ format: 'uuid', description: 'The government the applicant acts for.' })
  @IsUuid()
  governmentId!: string;

  @ApiProperty({ enum: APPLICATION_CATEGORIES })
  @IsIn(APPLICATION_CATEGORIES)
  category!: ApplicationCategory;

  @ApiProperty({ example: 'Li Lecheng' })
  @IsString()
  @Length(1, 200)
  headOfGovernment!: string;

  @ApiProperty({ description: "The signed statement that the government shares NEAR's purpose." })
  @IsString()
  @Length(1, 20_000)
  statementOfPurpose!: string;

  @ApiProperty({ type: ContactBody })
  @IsObject()
  @ValidateNested()
  @Type(() => ContactBody)
  contact!: ContactBody;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES, description: "The contact's language for e-mail; the filer's by default." })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  locale?: Locale;
}
