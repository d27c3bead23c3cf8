import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import type { ApplicationAttachment, ListedAttachment } from '@near/admission';

/** The form's text part beside the file. */
export class AttachmentTitleBody {
  @ApiProperty({ example: 'Resolution of the provincial assembly, 12 March 2026', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;
}

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Hex SHA-256 of the PDF, as sha256sum prints it.' }) sha256!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ type: String, nullable: true }) fileName!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When an answer to a request for information first sent it (respond, attachmentIds); null while none has.',
  })
  sentAt!: string | null;

  /** `sentAt` is null for an attachment just uploaded: no answer can have sent it yet. */
  static from(attachment: ApplicationAttachment | ListedAttachment): AttachmentDto {
    return {
      id: attachment.id,
      title: attachment.title,
      sha256: attachment.sha256,
      sizeBytes: attachment.sizeBytes,
      fileName: attachment.fileName,
      uploadedAt: attachment.uploadedAt.toISOString(),
      sentAt: 'sentAt' in attachment && attachment.sentAt ? attachment.sentAt.toISOString() : null,
    };
  }
}
