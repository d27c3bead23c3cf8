import { ApiProperty } from '@nestjs/swagger';
import { APPLICATION_CATEGORIES, APPLICATION_STATES, type Application } from '@near/admission';
import { type Session, BALLOT_SECRECY, MAJORITY_RULES, QUORUM_RULES } from '@near/voting';
import { SessionSummaryDto } from '../../applications/dto/application.dto.js';

class AgendaItemDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ format: 'uuid' }) governmentId!: string;
  @ApiProperty({ enum: APPLICATION_CATEGORIES }) category!: string;
  @ApiProperty({ enum: APPLICATION_STATES }) state!: string;
}

export class AssemblyDto extends SessionSummaryDto {
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) hostGovernmentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ enum: QUORUM_RULES }) quorum!: string;
  @ApiProperty({ enum: MAJORITY_RULES }) majority!: string;
  @ApiProperty({ enum: BALLOT_SECRECY }) ballotSecrecy!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When its first ballot opened; the rule cannot change after.',
  })
  ruleFrozenAt!: string | null;
  @ApiProperty({
    type: [String],
    example: ['PT72H', 'PT24H'],
    description: 'ISO 8601 durations before the deadline (written procedure) or the start (meeting) when reminders go out, longest first.',
  })
  reminders!: string[];
  @ApiProperty({ description: 'Its version, as the ETag says it: send it back in If-Match to edit or cancel the session.' })
  version!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was cancelled.' })
  cancelledAt!: string | null;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Governments recorded as present (meetings).' })
  presentGovernmentIds!: string[];
  @ApiProperty({ type: [AgendaItemDto], description: 'The applications on its agenda that the caller may see.' }) agenda!: AgendaItemDto[];

  static withAgenda(assembly: Session, agenda: Application[], presentGovernmentIds: string[] = []): AssemblyDto {
    return {
      ...SessionSummaryDto.from(assembly),
      hostGovernmentId: assembly.hostGovernmentId,
      notes: assembly.notes,
      quorum: assembly.quorum,
      majority: assembly.majority,
      ballotSecrecy: assembly.ballotSecrecy,
      ruleFrozenAt: assembly.ruleFrozenAt?.toISOString() ?? null,
      reminders: assembly.reminders,
      version: assembly.version,
      cancelledAt: assembly.cancelledAt?.toISOString() ?? null,
      presentGovernmentIds,
      agenda: agenda.map((application) => ({
        applicationId: application.id,
        reference: application.reference,
        governmentId: application.governmentId,
        category: application.category,
        state: application.state,
      })),
    };
  }
}
