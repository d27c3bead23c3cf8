import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Acting } from '@near/identity';
import { GovernmentsService } from '@near/registry';
import { decide, type Decision } from '../rules/decide.js';
import { describeMajority, describeQuorum } from '../rules/decision-rule.js';
import { VotingError, VotingErrorCode } from '../voting-error.js';
import * as ballots from './ballot.repository.js';
import type { Vote } from './vote.entity.js';
import { VoteBook } from './vote-book.service.js';
import * as votes from './vote.repository.js';

export interface NamedBallot {
  governmentId: string;
  nameEn: string;
  nameLocal: string;
  choice: string;
}

/** A government on the roll that has not voted yet; `present` whether it is recorded present at the session. */
export interface NotVoted {
  governmentId: string;
  nameEn: string;
  nameLocal: string;
  country: string;
  present: boolean;
}

export type VoteResult =
  | {
      status: 'open';
      voteId: string;
      openedAt: Date;
      turnout: { voters: number; ballots: number };
      rule: RuleView;
      /** In registry order. */
      notVoted: NotVoted[];
      /** What closing now would decide: the outcome and whether the quorum is met, never a count of choices. */
      ifClosedNow: { outcome: 'approved' | 'rejected'; quorumMet: boolean };
    }
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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly governments: GovernmentsService,
    private readonly voteBook: VoteBook,
  ) {}

  /** The caller must already be allowed to see the application. */
  async resultOf(applicationId: string, acting: Acting): Promise<VoteResult> {
    const vote = await votes.findLatestCounted(this.dataSource.manager, applicationId);
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
      const manager = this.dataSource.manager;
      const [turnout, notVoted, tally] = await Promise.all([
        votes.turnout(manager, vote.id),
        this.notVoted(vote),
        this.voteBook.tally(manager, vote),
      ]);
      const decision = decide({ quorum: vote.quorum, majority: vote.majority, secrecy: vote.ballotSecrecy }, tally);
      const ifClosedNow = { outcome: decision.outcome, quorumMet: decision.quorum.met };
      return { status: 'open', voteId: vote.id, openedAt: vote.openedAt, turnout, rule, notVoted, ifClosedNow };
    }
    const named = vote.ballotSecrecy === 'named' ? await this.namedBallots(vote.id) : undefined;
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
      ...(named ? { ballots: named } : {}),
    };
  }

  /** The governments on the roll without a ballot, in registry order: names only, for the Secretariat to chase. */
  private async notVoted(vote: Vote): Promise<NotVoted[]> {
    const missing = await votes.withoutBallot(this.dataSource.manager, vote.id, vote.assemblyId);
    const present = new Map(missing.map((row) => [row.governmentId, row.present]));
    const governments = await this.governments.listByIds([...present.keys()]);
    return governments.map((government) => ({
      governmentId: government.id,
      nameEn: government.nameEn,
      nameLocal: government.nameLocal,
      country: government.country,
      present: present.get(government.id)!,
    }));
  }

  /** Who voted what, in registry order. */
  private async namedBallots(voteId: string): Promise<NamedBallot[]> {
    const choices = await ballots.choicesOf(this.dataSource.manager, voteId);
    const choiceOf = new Map(choices.map((ballot) => [ballot.governmentId, ballot.choice]));
    const governments = await this.governments.listByIds([...choiceOf.keys()]);
    return governments.map((government) => ({
      governmentId: government.id,
      nameEn: government.nameEn,
      nameLocal: government.nameLocal,
      choice: choiceOf.get(government.id)!,
    }));
  }
}

/** The same frozen rule and tally decide the same way: the checks are recomputed, not stored. */
function checksOf({ quorum: { rule: _quorumRule, ...quorum }, majority: { rule: _majorityRule, ...majority } }: Decision): DecisionChecks {
  return { quorum, majority };
}
