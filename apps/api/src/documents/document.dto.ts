import { ApiProperty } from '@nestjs/swagger';
import { SUPPORTED_LOCALES } from '@near/common';
import { DOCUMENT_KINDS, type DocumentSummary } from '@near/documents';

export class DocumentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: string;
  @ApiProperty({ enum: SUPPORTED_LOCALES, description: 'The language it is written in (a certificate: English beside this one).' })
  language!: string;
  @ApiProperty({ description: 'SHA-256 of the PDF, 64 lower-case hex digits: what `sha256sum` prints for the file.' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(document: DocumentSummary): DocumentDto {
    return {
      id: document.id,
      kind: document.kind,
      language: document.language,
      sha256: document.sha256,
      createdAt: document.createdAt.toISOString(),
    };
  }
}
