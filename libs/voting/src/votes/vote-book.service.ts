import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GovernmentsService } from '@near/registry';
import { type Session, isMeeting, ruleOf } from '../session.entity.js';
import { decide, type Decision } from '../rules/decide.js';
import type { Tally } from '../rules/tally.js';
import { VotingError, VotingErrorCode } from '../voting-error.js';
import type { Vote } from './vote.entity.js';
import * as votes from './vote.repository.js';
import * as ballots from './ballot.repository.js';
import * as attendance from '../sessions/attendance.repository.js';
import * as sessions from '../session.repository.js';

/** One counted cast, as the closing entry lists it; `choice` and `nonce` (its opening) only for a named ballot. */
export interface CountedCast {
  governmentId: string;
  commitment: string | null;
  choice?: string;
  nonce?: string | null;
}

export interface QuorumCheck {
  met: boolean;
  voters: number;
  present: number;
  explanation: string;
}

/**
 * Votes on applications: opened with a frozen roll and rule, counted when closed, voided when deferred.
 * Every method runs inside the caller's transaction (the application's transition), so the vote and the
 * application's state change commit together.
 */
@Injectable()
export class VoteBook {
  constructor(private readonly governments: GovernmentsService) {}

  /** Whether a ballot may open now: at a meeting, the quorum must be present among today's voters. */
  async quorumAtOpening(manager: EntityManager, session: Session, now: Date): Promise<QuorumCheck> {
    const voters = await this.governments.votersOn(now, manager);
    const present = isMeeting(session)
      ? (
          await attendance.presentAmong(
            manager,
            session.id,
            voters.map((v) => v.id),
          )
        ).length
      : 0;
    const rule = ruleOf(session);
    if (rule.quorum === 'more_than_half_answered' || rule.quorum === 'none') {
      return { met: true, voters: voters.length, present, explanation: 'The quorum is counted from the answers when the ballot closes.' };
    }
    const { quorum } = decide(rule, { voters: voters.length, present, yes: 0, no: 0, abstain: 0 });
    const explanation = quorum.met
      ? `Quorum present: ${present} of ${voters.length} voters.`
      : `No quorum: ${present} of ${voters.length} voters are present, ${quorum.required} are needed.`;
    return { met: quorum.met, voters: voters.length, present, explanation };
  }

  /**
   * Opens the vote, freezing the session's rule and the roll of voters with their presence. Answers the roll too
   * (government ids, sorted), which the opening's entry records so that the log alone can recount the vote.
   */
  async open(manager: EntityManager, applicationId: string, session: Session, now: Date): Promise<{ vote: Vote; roll: string[] }> {
    const voters = await this.governments.votersOn(now, manager);
    const present = isMeeting(session)
      ? await attendance.presentAmong(
          manager,
          session.id,
          voters.map((v) => v.id),
        )
      : [];
    await sessions.freezeRule(manager, session.id, now);
    const vote = await votes.insert(manager, {
      applicationId,
      assemblyId: session.id,
      status: 'open',
      quorum: session.quorum,
      majority: session.majority,
      ballotSecrecy: session.ballotSecrecy,
      openedAt: now,
      closedAt: null,
      outcome: null,
      tally: null,
      explanation: null,
      sealKey: null,
    });
    await votes.insertRoll(
      manager,
      vote.id,
      voters.map((v) => v.id),
      present,
    );
    return { vote, roll: voters.map((v) => v.id).sort() };
  }

  /** The open vote of an application, locked against concurrent ballots and closing. */
  openVoteOf(manager: EntityManager, applicationId: string, lock: 'share' | 'update'): Promise<Vote | null> {
    return votes.findOpen(manager, applicationId, lock);
  }

  /**
   * Counts the ballots under the frozen rule and closes the vote; the caller moves the application and records
   * `counted` in the closing entry. A secret ballot then forgets every government's choice (docs/voting.md,
   * "Secrecy at rest"): from here on only the tally says how it went.
   */
  async close(
    manager: EntityManager,
    applicationId: string,
    now: Date,
  ): Promise<{ vote: Vote; session: Session; decision: Decision; counted: CountedCast[] }> {
    const vote = await this.openVoteOf(manager, applicationId, 'update');
    if (!vote) throw new VotingError(VotingErrorCode.BallotNotOpen, 'No ballot is open for this application.');
    // Attendance is recorded under the session's lock. Waiting for it here, the count sees every attendance whose
    // entry comes before the close's in the log, as the offline verifier replays them; else an attendance not yet
    // committed would be left out of the count yet stand before it in the log, and the log would never verify.
    const session = (await sessions.findForShare(manager, vote.assemblyId))!;
    const tally = await this.tally(manager, vote);
    const decision = decide({ quorum: vote.quorum, majority: vote.majority, secrecy: vote.ballotSecrecy }, tally);
    const secret = vote.ballotSecrecy === 'secret';
    const counted = (await ballots.countedOf(manager, vote.id)).map(({ governmentId, commitment, choice, nonce }) =>
      secret ? { governmentId, commitment } : { governmentId, commitment, choice, nonce },
    );
    Object.assign(vote, { status: 'closed', closedAt: now, outcome: decision.outcome, tally, explanation: decision.explanation });
    await votes.close(manager, vote.id, { closedAt: now, outcome: decision.outcome, tally, explanation: decision.explanation });
    if (secret) await ballots.forgetChoices(manager, vote.id);
    else await ballots.forgetNonces(manager, vote.id);
    return { vote, session, decision, counted };
  }

  /** How many governments are on the vote's frozen roll, and how many of them have cast a ballot. */
  turnout(manager: EntityManager, voteId: string): Promise<{ voters: number; ballots: number }> {
    return votes.turnout(manager, voteId);
  }

  /** The governments on the roll of any vote on the application at the session. */
  rollOf(manager: EntityManager, applicationId: string, sessionId: string): Promise<string[]> {
    return votes.rollOf(manager, applicationId, sessionId);
  }

  /** The applications whose ballot is open at a session. */
  applicationsVotingIn(manager: EntityManager, sessionId: string): Promise<string[]> {
    return votes.applicationsVotingIn(manager, sessionId);
  }

  /** A deferred vote is kept for the record, never counted again. */
  async voidOpenVote(manager: EntityManager, applicationId: string): Promise<void> {
    const vote = await votes.findOpen(manager, applicationId, 'update');
    if (vote?.ballotSecrecy === 'secret') await ballots.forgetChoices(manager, vote.id);
    else if (vote) await ballots.forgetNonces(manager, vote.id);
    await votes.voidOpen(manager, applicationId);
  }

  /** The frozen roll, today's presence at a meeting (or the answers of a written procedure), and the ballots. */
  async tally(manager: EntityManager, vote: Vote): Promise<Tally> {
    const meeting = (await sessions.bodyOf(manager, vote.assemblyId)) !== 'written_procedure';
    // At a meeting, a voter counts as present when it is in the hall now or has cast a ballot (one that
    // voted and then left still counts); in a written procedure, present means answered.
    const row = await votes.tallyRow(manager, vote.id, vote.assemblyId);
    const answered = row.yes + row.no + row.abstain;
    return { voters: row.voters, present: meeting ? row.present : answered, yes: row.yes, no: row.no, abstain: row.abstain };
  }
}
