import { ApiProperty } from '@nestjs/swagger';
import { SUPPORTED_LOCALES } from '@near/common';
import { DOCUMENT_KINDS } from '@near/documents';

export class PublicDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: string;
  @ApiProperty({ enum: SUPPORTED_LOCALES }) language!: string;
  @ApiProperty({ description: 'SHA-256 of the PDF, 64 lower-case hex digits.' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class PublicDecisionLogDto {
  @ApiProperty({ description: "The decision entry's leaf index in the transparency log." }) leafIndex!: number;
  @ApiProperty({ description: 'The tree size of the first signed checkpoint holding it.' }) treeSize!: number;
  @ApiProperty({ description: 'That checkpoint: a C2SP signed note, checkable with the key at GET /log/key.' }) checkpoint!: string;
  @ApiProperty({ description: 'RFC 9162 leaf hash of the entry, standard base64.' }) leafHash!: string;
  @ApiProperty({ type: [String], description: 'RFC 9162 §2.1.3 inclusion proof of the leaf in that tree, standard base64.' })
  proof!: string[];
}

export class PublicGovernmentNamesDto {
  @ApiProperty() nameEn!: string;
  @ApiProperty() nameLocal!: string;
}

export class PublicDecisionDto {
  @ApiProperty({ example: 'NEAR-2026-0001' }) reference!: string;
  @ApiProperty({ enum: ['approved', 'rejected'] }) outcome!: string;
  @ApiProperty({ enum: ['member', 'associate'] }) category!: string;
  @ApiProperty({ type: PublicGovernmentNamesDto }) government!: PublicGovernmentNamesDto;
  @ApiProperty({ enum: ['general_assembly', 'working_committee', 'written_procedure'], description: 'The deciding body.' }) body!: string;
  @ApiProperty() sessionNumber!: number;
  @ApiProperty({ format: 'date-time', description: 'When the ballot closed.' }) decidedAt!: string;
  @ApiProperty({ type: [PublicDocumentDto], description: "The application's documents, by the SHA-256 of each." })
  documents!: PublicDocumentDto[];
  @ApiProperty({
    type: PublicDecisionLogDto,
    nullable: true,
    description: 'Null for the second or so before the decision is in a signed checkpoint.',
  })
  log!: PublicDecisionLogDto | null;
}
