import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditEvent } from '@near/audit';
import { SESSION_BODIES } from '@near/voting';

export class AuditSessionDto {
  @ApiProperty({ enum: SESSION_BODIES }) body!: string;
  @ApiProperty() number!: number;
}

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
  @ApiProperty({ type: String, nullable: true, description: "The acting user's display name." })
  actorName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The acting user's government, by its English name." })
  actorGovernmentName!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The entry's subject in words: an application's reference, a government's English name, a user's display name.",
  })
  entityName!: string | null;
  @ApiProperty({ type: AuditSessionDto, nullable: true, description: 'When the subject is a session: its body and number.' })
  entitySession!: AuditSessionDto | null;

  /** Without words for its ids (AuditNames gives them). */
  static from(event: AuditEvent): AuditEventDto {
    return { ...event, actorName: null, actorGovernmentName: null, entityName: null, entitySession: null };
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
