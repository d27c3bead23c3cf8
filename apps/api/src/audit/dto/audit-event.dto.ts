import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditEvent } from '@near/audit';

export class AuditEventDto {
  @ApiProperty({ description: "The entry's number, increasing in the order entries were written (a rolled-back change may leave a gap)." })
  seq!: number;
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
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Its leaf index in the transparency log (GET /log/proof/inclusion); null until integrated, a second or so after commit.',
  })
  leafIndex!: number | null;

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
  @ApiProperty({ description: 'Leaves of the latest signed checkpoint found intact.' }) checked!: number;
  @ApiPropertyOptional({ description: 'The seq of the first entry that does not hold.' }) firstInvalidId?: number;
}
