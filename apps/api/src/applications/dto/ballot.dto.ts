import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { BALLOT_CHOICES, type BallotChoice } from '@near/voting';

export class CastBallotDto {
  @ApiProperty({ enum: BALLOT_CHOICES })
  @IsIn(BALLOT_CHOICES)
  choice!: BallotChoice;
}

export class ReceiptDto {
  @ApiProperty({ format: 'uuid' }) voteId!: string;
  @ApiProperty({ format: 'uuid' }) governmentId!: string;
  @ApiProperty({ enum: BALLOT_CHOICES }) choice!: string;
  @ApiProperty({ description: '32 random bytes, new at every cast, as 64 lower-case hex digits.' }) nonce!: string;
  @ApiProperty({
    description:
      'SHA-256 over the vote id, the government id, the choice and the nonce (layout: docs/voting.md), 64 lower-case hex digits.',
  })
  commitment!: string;
}

export class BallotDto {
  @ApiProperty({ enum: BALLOT_CHOICES }) choice!: BallotChoice;
  @ApiProperty({ description: 'True when this replaced an earlier ballot of the same government.' }) changed!: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) castAt!: string;
}

export class CastDto extends BallotDto {
  @ApiProperty({
    type: ReceiptDto,
    description: 'What the delegate keeps to check this cast in the transparency log (docs/voting.md); shown only in this answer.',
  })
  receipt!: ReceiptDto;
}

class TallyDto {
  @ApiProperty({ description: 'Voters on the roll frozen when the ballot opened.' }) voters!: number;
  @ApiProperty({ description: 'Present at the meeting (written procedure: answered).' }) present!: number;
  @ApiProperty() yes!: number;
  @ApiProperty() no!: number;
  @ApiProperty() abstain!: number;
}

class RuleDto {
  @ApiProperty() quorum!: string;
  @ApiProperty() majority!: string;
  @ApiProperty({ enum: ['named', 'secret'] }) ballotSecrecy!: string;
  @ApiProperty() description!: string;
}

class NamedBallotDto {
  @ApiProperty({ format: 'uuid' }) governmentId!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() nameLocal!: string;
  @ApiProperty({ enum: BALLOT_CHOICES }) choice!: string;
}

class TurnoutDto {
  @ApiProperty() voters!: number;
  @ApiProperty({ description: 'Governments that have voted so far; never their choices.' }) ballots!: number;
}

class QuorumCheckDto {
  @ApiProperty() met!: boolean;
  @ApiProperty({ description: 'Governments needed present (written procedure: answering).' }) required!: number;
  @ApiProperty() actual!: number;
}

class MajorityCheckDto {
  @ApiProperty() met!: boolean;
  @ApiProperty({ description: 'Yes ballots needed.' }) required!: number;
  @ApiProperty() yes!: number;
  @ApiProperty({ description: 'What the majority is counted of: the ballots cast, or all voters, as the rule says.' }) base!: number;
}

class DecisionChecksDto {
  @ApiProperty({ type: QuorumCheckDto }) quorum!: QuorumCheckDto;
  @ApiProperty({ type: MajorityCheckDto }) majority!: MajorityCheckDto;
}

class NotVotedDto {
  @ApiProperty({ format: 'uuid' }) governmentId!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() nameLocal!: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2' }) country!: string;
  @ApiProperty({ description: 'Recorded present at the session (a meeting); false in a written procedure.' }) present!: boolean;
}

class IfClosedNowDto {
  @ApiProperty({ enum: ['approved', 'rejected'] }) outcome!: string;
  @ApiProperty() quorumMet!: boolean;
}

export class ResultDto {
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
  @ApiProperty({ format: 'uuid' }) voteId!: string;
  @ApiProperty({ type: RuleDto }) rule!: RuleDto;
  @ApiProperty({ type: String, format: 'date-time' }) openedAt!: string;
  @ApiPropertyOptional({ type: TurnoutDto, description: 'While open, for the Secretariat only.' }) turnout?: TurnoutDto;
  @ApiPropertyOptional({
    type: [NotVotedDto],
    description: 'While open, for the Secretariat only: the governments on the roll that have not voted, never anyone’s choice.',
  })
  notVoted?: NotVotedDto[];
  @ApiPropertyOptional({ type: IfClosedNowDto, description: 'While open, for the Secretariat only: what closing now would decide.' })
  ifClosedNow?: IfClosedNowDto;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) closedAt?: string;
  @ApiPropertyOptional({ enum: ['approved', 'rejected'] }) outcome?: string;
  @ApiPropertyOptional({ type: TallyDto }) tally?: TallyDto;
  @ApiPropertyOptional({ description: 'As recorded when the ballot closed, in English.' }) explanation?: string;
  @ApiPropertyOptional({ type: DecisionChecksDto, description: 'Once closed: the checks the explanation states, to word in any language.' })
  decision?: DecisionChecksDto;
  @ApiPropertyOptional({ type: [NamedBallotDto], description: 'Who voted what, for a named ballot only.' }) ballots?: NamedBallotDto[];
  @ApiPropertyOptional({
    description:
      "Once the decision is in the transparency log: the first signed checkpoint holding the decision's entry (a C2SP signed note).",
  })
  checkpoint?: string;
  @ApiPropertyOptional({ description: "The decision entry's leaf index in the log (GET /log/proof/inclusion), with `checkpoint`." })
  leafIndex?: number;
}
