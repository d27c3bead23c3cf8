import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Acting } from '@near/identity';
import { decide, type Decision } from '../rules/decide.js';
import { describeMajority, describeQuorum } from '../rules/decision-rule.js';
import { VotingError, VotingErrorCode } from '../voting-error.js';
import { Vote } from './vote.entity.js';

export interface NamedBallot {
  governmentId: string;
  nameEn: string;
  nameLocal: string;
  choice: string;
}

export type VoteResult =
  | { status: 'open'; voteId: string; openedAt: Date; turnout: { voters: number; ballots: number }; rule: RuleView }
  | {
      status: 'closed';
      voteId: string;
      openedAt: Date;
      closedAt: Date;
      outcome: 'approved' | 'rejected';
      tally: NonNullable<Vote['tally']>;
      rule: RuleView;
      explanation: string;
      /** What the explanation says, for a client to word it in its reader's language. */
      decision: DecisionChecks;
      /** Only when the ballot was named. */
      ballots?: NamedBallot[];
    };

export interface DecisionChecks {
  quorum: Omit<Decision['quorum'], 'rule'>;
  majority: Omit<Decision['majority'], 'rule'>;
}

export interface RuleView {
  quorum: string;
  majority: string;
  ballotSecrecy: string;
  description: string;
}

/**
 * The result of an application's latest vote. Delegates and the applicant see it once closed; the
 * Secretariat also sees the live turnout of an open one, never its choices.
 */
@Injectable()
export class VoteResults {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The caller must already be allowed to see the application. */
  async resultOf(applicationId: string, acting: Acting): Promise<VoteResult> {
    const vote = await this.dataSource
      .getRepository(Vote)
      .createQueryBuilder('v')
      .where('v.applicationId = :applicationId AND v.status IN (:...statuses)', { applicationId, statuses: ['open', 'closed'] })
      .orderBy('v.openedAt', 'DESC')
      .getOne();
    if (!vote) throw new VotingError(VotingErrorCode.NoVote, 'No vote has been opened on this application.');
    const rule: RuleView = {
      quorum: vote.quorum,
      majority: vote.majority,
      ballotSecrecy: vote.ballotSecrecy,
      description: `${describeQuorum(vote.quorum)} ${describeMajority(vote.majority)}`,
    };
    if (vote.status === 'open') {
      if (acting.user.role !== 'secretariat') {
        throw new VotingError(VotingErrorCode.ResultNotAvailable, 'The ballot is still open: its result is shown once it closes.');
      }
      const [turnout] = await this.dataSource.query(
        `SELECT (SELECT count(*) FROM vote_roll WHERE vote_id = $1)::int AS voters, (SELECT count(*) FROM ballots WHERE vote_id = $1)::int AS ballots`,
        [vote.id],
      );
      return { status: 'open', voteId: vote.id, openedAt: vote.openedAt, turnout, rule };
    }
    const ballots =
      vote.ballotSecrecy === 'named'
        ? ((await this.dataSource.query(
            `SELECT b.government_id AS "governmentId", g.name_en AS "nameEn", g.name_local AS "nameLocal", b.choice
             FROM ballots b JOIN governments g ON g.id = b.government_id WHERE b.vote_id = $1 ORDER BY g.country, g.name_en`,
            [vote.id],
          )) as NamedBallot[])
        : undefined;
    return {
      status: 'closed',
      voteId: vote.id,
      openedAt: vote.openedAt,
      closedAt: vote.closedAt!,
      outcome: vote.outcome!,
      tally: vote.tally!,
      rule,
      explanation: vote.explanation!,
      decision: checksOf(decide({ quorum: vote.quorum, majority: vote.majority, secrecy: vote.ballotSecrecy }, vote.tally!)),
      ...(ballots ? { ballots } : {}),
    };
  }
}

/** The same frozen rule and tally decide the same way: the checks are recomputed, not stored. */
function checksOf({ quorum: { rule: _quorumRule, ...quorum }, majority: { rule: _majorityRule, ...majority } }: Decision): DecisionChecks {
  return { quorum, majority };
}
