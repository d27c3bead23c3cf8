import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_AUDIT_PAGE_SIZE } from '@near/audit';
import { IsUuid } from '../../http/is-uuid.decorator.js';

export class ListAuditEventsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Entries about this application, and about the documents issued for it.' })
  @IsOptional()
  @IsUuid()
  applicationId?: string;

  @ApiPropertyOptional({
    example: 'NEAR-2026-0007',
    description: 'Entries about the application with this reference (any case), and about the documents issued for it.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^NEAR-[0-9]{4}-[0-9]{4,9}$/i, { message: 'reference must be an application reference such as NEAR-2026-0007' })
  reference?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Entries of this user.' })
  @IsOptional()
  @IsUuid()
  actorId?: string;

  @ApiPropertyOptional({ example: 'application.declare-eligible' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'At or after.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @Matches(/^\d{1,15}$/)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_AUDIT_PAGE_SIZE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_AUDIT_PAGE_SIZE)
  limit: number = 100;

  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    default: 'json',
    description: 'csv: the page as RFC 4180 CSV (also chosen by Accept: text/csv).',
  })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
