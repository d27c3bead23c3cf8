import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** A leaf index or a tree size: a decimal integer without sign or leading zeros, at most 15 digits. */
export const TREE_NUMBER = /^(0|[1-9]\d{0,14})$/;
const message = 'must be a non-negative integer (decimal, at most 15 digits)';

export class InclusionProofQuery {
  @ApiProperty({ description: 'The leaf index.', example: '0' })
  @Matches(TREE_NUMBER, { message: `index ${message}` })
  index!: string;

  @ApiProperty({ description: 'The tree size: one a checkpoint was signed at.', example: '1' })
  @Matches(TREE_NUMBER, { message: `size ${message}` })
  size!: string;
}

export class ConsistencyProofQuery {
  @ApiProperty({ description: 'The older tree size (≥ 1), one a checkpoint was signed at.', example: '1' })
  @Matches(TREE_NUMBER, { message: `from ${message}` })
  from!: string;

  @ApiProperty({ description: 'The newer tree size, one a checkpoint was signed at.', example: '2' })
  @Matches(TREE_NUMBER, { message: `to ${message}` })
  to!: string;
}

export class LogEntriesQuery {
  @ApiProperty({ description: 'The first leaf index.', example: '0' })
  @Matches(TREE_NUMBER, { message: `start ${message}` })
  start!: string;

  @ApiProperty({ description: 'One past the last leaf index (at most 1,000 leaves a call).', example: '1000' })
  @Matches(TREE_NUMBER, { message: `end ${message}` })
  end!: string;
}

export class InclusionProofDto {
  @ApiProperty() index!: number;
  @ApiProperty() size!: number;
  @ApiProperty({ description: 'SHA-256(0x00 ‖ data) of the leaf, standard base64.' }) leafHash!: string;
  @ApiProperty({ type: [String], description: 'RFC 9162 §2.1.3 inclusion proof, standard base64, from the leaf upward.' })
  proof!: string[];
}

export class ConsistencyProofDto {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty({ type: [String], description: 'RFC 9162 §2.1.4 consistency proof, standard base64.' }) proof!: string[];
}
