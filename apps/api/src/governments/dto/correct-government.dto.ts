import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { GOVERNMENT_LEVELS, type GovernmentLevel } from '@near/registry';
import { IsTimeZoneName, timeZoneOf } from './time-zone-field.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A correction of a government's names, level or time zone; a field left out stays as it is. */
export class CorrectGovernmentDto {
  @ApiPropertyOptional({ example: 'Jilin' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  nameEn?: string;

  @ApiPropertyOptional({ example: '吉林省' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  nameLocal?: string;

  @ApiPropertyOptional({ enum: GOVERNMENT_LEVELS, description: '`regional`: the first administrative level; `local`: below it.' })
  @IsOptional()
  @IsIn(GOVERNMENT_LEVELS)
  level?: GovernmentLevel;

  @ApiPropertyOptional({
    example: 'Asia/Vladivostok',
    nullable: true,
    type: String,
    description: 'IANA time zone its officials read deadlines in; null: not known (their e-mails then give UTC).',
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @Transform(timeZoneOf)
  @IsTimeZoneName()
  timeZone?: string | null;
}
