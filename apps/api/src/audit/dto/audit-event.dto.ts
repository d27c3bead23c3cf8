import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditEvent } from '@near/audit';

export class AuditEventDto {
  @ApiProperty({ description: 'Position in the chain, from 1.' }) seq!: number;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorRole!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorGovernmentId!: string | null;
  @ApiProperty({ example: 'application.start-review' }) action!: string;
  @ApiProperty({ example: 'application' }) entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ type: String, nullable: true }) stateBefore!: string | null;
  @ApiProperty({ type: String, nullable: true }) stateAfter!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ type: String, nullable: true }) clientAddress!: string | null;
  @ApiProperty({ description: 'The hash of the entry before it.' }) prevHash!: string;
  @ApiProperty({ description: 'SHA-256 over this entry and prevHash.' }) hash!: string;

  static from(event: AuditEvent): AuditEventDto {
    return { ...event };
  }
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items!: AuditEventDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' })
  nextCursor!: string | null;
}

export class AuditVerificationDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ description: 'Entries checked.' }) checked!: number;
  @ApiPropertyOptional({ description: 'When not valid: the seq of the first broken entry.' }) firstInvalidId?: number;
}
