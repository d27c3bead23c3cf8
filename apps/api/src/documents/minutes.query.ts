import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DEFAULT_LOCALE, type Locale, SUPPORTED_LOCALES } from '@near/common';

export class MinutesQuery {
  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES, default: DEFAULT_LOCALE, description: 'The language of the minutes.' })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  language?: Locale;
}
