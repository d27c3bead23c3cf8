import { ApiProperty } from '@nestjs/swagger';

export class ReceiptLeafDto {
  @ApiProperty({ description: "The entry's leaf index." }) index!: number;
  @ApiProperty({ description: 'Standard base64 of the exact bytes the leaf hash covers (the entry as canonical JSON).' }) data!: string;
  @ApiProperty({ description: 'The first signed checkpoint whose tree holds the leaf (a C2SP signed note).' }) checkpoint!: string;
  @ApiProperty({ description: "That checkpoint's tree size." }) size!: number;
  @ApiProperty({ type: [String], description: 'RFC 9162 §2.1.3 inclusion proof of the leaf in that tree, standard base64.' })
  proof!: string[];
}

export class ReceiptLeavesDto {
  @ApiProperty({ description: 'The commitment asked for, 64 lower-case hex digits.' }) commitment!: string;
  @ApiProperty({ type: ReceiptLeafDto, description: 'The `ballot.cast` entry holding the commitment.' }) cast!: ReceiptLeafDto;
  @ApiProperty({
    type: ReceiptLeafDto,
    nullable: true,
    description: "The `application.close-ballot` entry that counted the cast's vote, with the counted commitments; null while open.",
  })
  count!: ReceiptLeafDto | null;
}
