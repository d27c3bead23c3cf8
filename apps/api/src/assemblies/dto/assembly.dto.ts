import { ApiProperty } from '@nestjs/swagger';
import type { Application } from '@near/admission';
import type { Assembly } from '@near/voting';
import { SessionSummaryDto } from '../../applications/dto/application.dto.js';

class AgendaItemDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ format: 'uuid' }) governmentId!: string;
  @ApiProperty() category!: string;
  @ApiProperty() state!: string;
}

export class AssemblyDto extends SessionSummaryDto {
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) hostGovernmentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ type: [AgendaItemDto], description: 'The applications on its agenda that the caller may see.' }) agenda!: AgendaItemDto[];

  static withAgenda(assembly: Assembly, agenda: Application[]): AssemblyDto {
    return {
      ...SessionSummaryDto.from(assembly),
      hostGovernmentId: assembly.hostGovernmentId,
      notes: assembly.notes,
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
