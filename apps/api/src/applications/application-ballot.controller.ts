import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApplicationReader } from '@near/admission';
import { TransparencyLog } from '@near/audit';
import type { Acting } from '@near/identity';
import { BallotBox, VoteResults } from '@near/voting';
import { ActingUser } from '../auth/acting.decorator.js';
import { Roles } from '../auth/access.decorators.js';
import { ProblemResponses } from '../http/problem-responses.decorator.js';
import { BallotDto, CastBallotDto, CastDto, ResultDto } from './dto/ballot.dto.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';

@ApiTags('voting')
@Controller('applications')
export class ApplicationBallotController {
  constructor(
    private readonly ballots: BallotBox,
    private readonly results: VoteResults,
    private readonly reader: ApplicationReader,
    private readonly log: TransparencyLog,
  ) {}

  @Put(':id/ballot')
  @ApiOperation({ summary: "Cast or change the ballot of the delegate's government on an application" })
  @Roles('delegate')
  @ApiOkResponse({ type: CastDto, description: "Casts (or changes) the delegate's own government's ballot; answers its receipt." })
  @ProblemResponses(400, 401, 403, 404, 409, 413, 415)
  async cast(@Param('id', UuidParamPipe) id: string, @Body() body: CastBallotDto, @ActingUser() acting: Acting): Promise<CastDto> {
    const cast = await this.ballots.cast(id, body.choice, acting);
    return { choice: cast.choice, changed: cast.changed, castAt: cast.castAt.toISOString(), receipt: cast.receipt };
  }

  @Get(':id/ballot')
  @ApiOperation({ summary: "Show the ballot the delegate's government cast on an application" })
  @Roles('delegate')
  @ApiOkResponse({
    type: BallotDto,
    description:
      "The delegate's own government's ballot in the open vote, to show its current choice: 404 no-ballot-cast while it has cast none, 403 not-on-roll or government-absent when it cannot cast one.",
  })
  @ProblemResponses(400, 401, 403, 404, 409)
  async own(@Param('id', UuidParamPipe) id: string, @ActingUser() acting: Acting): Promise<BallotDto> {
    const ballot = await this.ballots.ownBallot(id, acting);
    return { choice: ballot.choice, changed: ballot.changed, castAt: ballot.castAt.toISOString() };
  }

  @Get(':id/result')
  @ApiOperation({ summary: 'Show the vote on an application: live turnout, or the result' })
  @Roles('applicant', 'delegate', 'secretariat')
  @ApiOkResponse({
    type: ResultDto,
    description:
      'The tally, the rule and the outcome once closed, with the signed checkpoint and leaf index of the decision once it is in the transparency log; the Secretariat also sees the live turnout.',
  })
  @ProblemResponses(400, 401, 403, 404, 409)
  async result(@Param('id', UuidParamPipe) id: string, @ActingUser() acting: Acting): Promise<ResultDto> {
    await this.reader.visible(id, acting);
    const result = await this.results.resultOf(id, acting);
    if (result.status === 'open') return { ...result, openedAt: result.openedAt.toISOString() };
    const inclusion = await this.log.inclusionOfLatest('application', id, 'application.close-ballot');
    return {
      ...result,
      openedAt: result.openedAt.toISOString(),
      closedAt: result.closedAt.toISOString(),
      ...(typeof inclusion === 'object' ? { checkpoint: inclusion.checkpoint, leafIndex: inclusion.leafIndex } : {}),
    };
  }
}
