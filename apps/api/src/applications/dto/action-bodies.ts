import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPLICATION_CATEGORIES, type ApplicationAction, type ApplicationCategory } from '@near/admission';
import { IsUuid } from '../../http/is-uuid.decorator.js';

const MESSAGE_LENGTH = 10_000;

export class ContactBody {
  @ApiProperty({ example: 'Wang Li' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'wang.li@ln.gov.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ example: '+86 24 0000 0000' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  phone?: string;
}

/** An action that takes no input: any field sent is refused. */
export class NoBody {}

export class MessageBody {
  @ApiProperty({ maxLength: MESSAGE_LENGTH })
  @IsString()
  @Length(1, MESSAGE_LENGTH)
  message!: string;
}

/** The applicant's answer, with any fields it was asked to correct. */
export class RespondBody extends MessageBody {
  @ApiPropertyOptional({ enum: APPLICATION_CATEGORIES })
  @IsOptional()
  @IsIn(APPLICATION_CATEGORIES)
  category?: ApplicationCategory;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  headOfGovernment?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 20_000)
  statementOfPurpose?: string;

  @ApiPropertyOptional({ type: ContactBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactBody)
  contact?: ContactBody;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Attachments of the application (uploaded first) sent with the answer.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUuid({ each: true })
  attachmentIds?: string[];
}

export class ReasonsBody {
  @ApiProperty({ maxLength: MESSAGE_LENGTH, description: 'Why the application is ineligible; sent to the applicant.' })
  @IsString()
  @Length(1, MESSAGE_LENGTH)
  reasons!: string;
}

export class ReasonBody {
  @ApiProperty({ maxLength: MESSAGE_LENGTH })
  @IsString()
  @Length(1, MESSAGE_LENGTH)
  reason!: string;
}

export class PlaceOnAgendaBody {
  @ApiProperty({ format: 'uuid', description: 'A session that is not closed.' })
  @IsUuid()
  assemblyId!: string;
}

/** The body each action takes (shapes of ActionInputs in @near/admission). */
export const ACTION_BODIES: Record<ApplicationAction, new () => object> = {
  'start-review': NoBody,
  'request-information': MessageBody,
  respond: RespondBody,
  'declare-eligible': NoBody,
  'declare-ineligible': ReasonsBody,
  'place-on-agenda': PlaceOnAgendaBody,
  'open-ballot': NoBody,
  'close-ballot': NoBody,
  defer: ReasonBody,
  withdraw: ReasonBody,
};
