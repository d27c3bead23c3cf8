import { ApiProperty } from '@nestjs/swagger';
import {
  ACTION_NAMES,
  APPLICATION_CATEGORIES,
  APPLICATION_STATES,
  type ApplicationListItem,
  type ApplicationView,
  criterionLabel,
} from '@near/admission';
import { SESSION_BODIES, SESSION_STATUSES, type Session } from '@near/voting';
import { GOVERNMENT_STATUSES, type Government } from '@near/registry';

class GovernmentSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() nameLocal!: string;
  @ApiProperty() country!: string;
  @ApiProperty({ enum: GOVERNMENT_STATUSES }) status!: string;

  static from(government: Government): GovernmentSummaryDto {
    return {
      id: government.id,
      nameEn: government.nameEn,
      nameLocal: government.nameLocal,
      country: government.country,
      status: government.status,
    };
  }
}

class ContactDto {
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
}

class CriterionDto {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null until recorded' }) passed!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recordedAt!: string | null;
}

class EligibilityDto {
  @ApiProperty({ type: [CriterionDto] }) criteria!: CriterionDto[];
}

export class SessionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SESSION_BODIES }) body!: string;
  @ApiProperty() number!: number;
  @ApiProperty({ enum: SESSION_STATUSES }) status!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startsOn!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endsOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) venue!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadline!: string | null;

  static from(session: Session): SessionSummaryDto {
    return {
      id: session.id,
      body: session.body,
      number: session.number,
      status: session.status,
      startsOn: session.startsOn,
      endsOn: session.endsOn,
      venue: session.venue,
      deadline: session.deadline?.toISOString() ?? null,
    };
  }
}

class LetterDto {
  @ApiProperty() sha256!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ type: String, nullable: true }) fileName!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt!: string;
}

export class MessageDto {
  @ApiProperty({ enum: ['information-request', 'response'] }) kind!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The attachments of the application an answer sent with it.' })
  attachmentIds!: string[];

  static from(message: { kind: string; body: string; createdAt: Date; attachmentIds?: string[] | null }): MessageDto {
    return {
      kind: message.kind,
      body: message.body,
      createdAt: message.createdAt.toISOString(),
      attachmentIds: message.attachmentIds ?? [],
    };
  }
}

export class MessagePageDto {
  @ApiProperty({ type: [MessageDto], description: 'Newest first.' }) items!: MessageDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next (older) page; null on the last.' })
  nextCursor!: string | null;
}

export class ApplicationSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'NEAR-2026-0007' }) reference!: string;
  @ApiProperty({ enum: APPLICATION_STATES }) state!: string;
  @ApiProperty({ description: 'Raised by every change; send it back in If-Match.' }) version!: number;
  @ApiProperty({ enum: APPLICATION_CATEGORIES }) category!: string;
  @ApiProperty({ format: 'uuid' }) governmentId!: string;
  @ApiProperty({ type: GovernmentSummaryDto }) government!: GovernmentSummaryDto;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) assemblyId!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ enum: ACTION_NAMES, isArray: true, description: 'The actions the caller may run now.' }) allowedActions!: string[];

  static from({ application, government, allowedActions }: ApplicationListItem): ApplicationSummaryDto {
    return {
      id: application.id,
      reference: application.reference,
      state: application.state,
      version: application.version,
      category: application.category,
      governmentId: application.governmentId,
      government: GovernmentSummaryDto.from(government),
      assemblyId: application.assemblyId,
      submittedAt: application.submittedAt.toISOString(),
      updatedAt: application.updatedAt.toISOString(),
      decidedAt: application.decidedAt?.toISOString() ?? null,
      allowedActions,
    };
  }
}

export class ApplicationDto extends ApplicationSummaryDto {
  @ApiProperty() headOfGovernment!: string;
  @ApiProperty() statementOfPurpose!: string;
  @ApiProperty({ type: ContactDto }) contact!: ContactDto;
  @ApiProperty() locale!: string;
  @ApiProperty({ type: String, nullable: true }) ineligibilityReasons!: string | null;
  @ApiProperty({ type: String, nullable: true }) withdrawalReason!: string | null;
  @ApiProperty({ type: EligibilityDto }) eligibility!: EligibilityDto;
  @ApiProperty({ type: SessionSummaryDto, nullable: true, description: 'The session it is on the agenda of.' })
  session!: SessionSummaryDto | null;
  @ApiProperty({ type: LetterDto, nullable: true }) letter!: LetterDto | null;
  @ApiProperty({
    type: [MessageDto],
    description: 'The latest 5 requests for information and answers, oldest first; all of them at GET /applications/{id}/messages.',
  })
  messages!: MessageDto[];
  @ApiProperty({ description: 'There are earlier messages than `messages`: GET /applications/{id}/messages pages them.' })
  earlierMessages!: boolean;

  static fromView(view: ApplicationView): ApplicationDto {
    const { application, criteria, session, letter, messages, earlierMessages } = view;
    return {
      ...ApplicationSummaryDto.from(view),
      headOfGovernment: application.headOfGovernment,
      statementOfPurpose: application.statementOfPurpose,
      contact: { name: application.contactName, email: application.contactEmail, phone: application.contactPhone },
      locale: application.locale,
      ineligibilityReasons: application.ineligibilityReasons,
      withdrawalReason: application.withdrawalReason,
      eligibility: {
        criteria: criteria.map((criterion) => ({
          code: criterion.code,
          label: criterionLabel(criterion.code),
          passed: criterion.passed,
          note: criterion.note,
          recordedAt: criterion.recordedAt?.toISOString() ?? null,
        })),
      },
      session: session ? SessionSummaryDto.from(session) : null,
      letter: letter
        ? { sha256: letter.sha256, sizeBytes: letter.sizeBytes, fileName: letter.fileName, uploadedAt: letter.uploadedAt.toISOString() }
        : null,
      messages: messages.map((message) => MessageDto.from(message)),
      earlierMessages,
    };
  }
}

export class ApplicationPageDto {
  @ApiProperty({ type: [ApplicationSummaryDto] }) items!: ApplicationSummaryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' })
  nextCursor!: string | null;
}
