import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import type { ApplicationAttachment } from '@near/admission';

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

  static from(attachment: ApplicationAttachment): AttachmentDto {
    return {
      id: attachment.id,
      title: attachment.title,
      sha256: attachment.sha256,
      sizeBytes: attachment.sizeBytes,
      fileName: attachment.fileName,
      uploadedAt: attachment.uploadedAt.toISOString(),
    };
  }
}
