import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO31661Alpha2, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { GOVERNMENT_LEVELS, type GovernmentLevel } from '@near/registry';
import { IsTimeZoneName, timeZoneOf } from './time-zone-field.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateGovernmentDto {
  @ApiProperty({ example: 'Jilin', minLength: 1, maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  nameEn!: string;

  @ApiProperty({ example: '吉林省', minLength: 1, maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  nameLocal!: string;

  @ApiProperty({ example: 'CN', description: 'ISO 3166-1 alpha-2' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsISO31661Alpha2()
  country!: string;

  @ApiProperty({ enum: GOVERNMENT_LEVELS, description: '`regional`: the first administrative level; `local`: below it.' })
  @IsIn(GOVERNMENT_LEVELS)
  level!: GovernmentLevel;

  @ApiPropertyOptional({ example: 'Province', description: 'The local word for the kind of government.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  kind?: string;

  @ApiPropertyOptional({
    example: 'Asia/Vladivostok',
    description:
      "IANA time zone its officials read deadlines in. Left out: the country's own where it has one zone (China, Japan, the two Koreas), else not known.",
  })
  @IsOptional()
  @Transform(timeZoneOf)
  @IsTimeZoneName()
  timeZone?: string;
}
