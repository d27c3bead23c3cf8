import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GovernmentsService } from '@near/registry';
import { type Assembly, isMeeting, ruleOf } from '../assembly.entity.js';
import { decide, type Decision } from '../rules/decide.js';
import type { Tally } from '../rules/tally.js';
import { VotingError, VotingErrorCode } from '../voting-error.js';
import { Vote } from './vote.entity.js';

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
  async quorumAtOpening(manager: EntityManager, session: Assembly, now: Date): Promise<QuorumCheck> {
    const voters = await this.governments.votersOn(now, manager);
    const present = isMeeting(session)
      ? (
          await this.presentAmong(
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

  /** Opens the vote, freezing the session's rule and the roll of voters with their presence. */
  async open(manager: EntityManager, applicationId: string, session: Assembly, now: Date): Promise<Vote> {
    const voters = await this.governments.votersOn(now, manager);
    const present = new Set(
      isMeeting(session)
        ? await this.presentAmong(
            manager,
            session.id,
            voters.map((v) => v.id),
          )
        : [],
    );
    await manager.query(`UPDATE assemblies SET rule_frozen_at = coalesce(rule_frozen_at, $2) WHERE id = $1`, [session.id, now]);
    const vote = await manager.getRepository(Vote).save(
      manager.getRepository(Vote).create({
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
        sealKey: randomBytes(32).toString('hex'),
      }),
    );
    if (voters.length > 0) {
      await manager.query(
        `INSERT INTO vote_roll (vote_id, government_id, present_at_opening)
         SELECT $1, id, id = ANY($3::uuid[]) FROM unnest($2::uuid[]) AS id`,
        [vote.id, voters.map((v) => v.id), [...present]],
      );
    }
    return vote;
  }

  /** The open vote of an application, locked against concurrent ballots and closing. */
  async openVoteOf(manager: EntityManager, applicationId: string, lock: 'share' | 'update'): Promise<Vote | null> {
    return manager
      .getRepository(Vote)
      .createQueryBuilder('v')
      .where('v.applicationId = :applicationId AND v.status = :status', { applicationId, status: 'open' })
      .setLock(lock === 'share' ? 'pessimistic_read' : 'pessimistic_write')
      .getOne();
  }

  /** Counts the ballots under the frozen rule and closes the vote; the caller moves the application. */
  async close(manager: EntityManager, applicationId: string, now: Date): Promise<{ vote: Vote; decision: Decision }> {
    const vote = await this.openVoteOf(manager, applicationId, 'update');
    if (!vote) throw new VotingError(VotingErrorCode.BallotNotOpen, 'No ballot is open for this application.');
    const tally = await this.tally(manager, vote);
    const decision = decide({ quorum: vote.quorum, majority: vote.majority, secrecy: vote.ballotSecrecy }, tally);
    Object.assign(vote, { status: 'closed', closedAt: now, outcome: decision.outcome, tally, explanation: decision.explanation });
    await manager
      .getRepository(Vote)
      .update({ id: vote.id }, { status: 'closed', closedAt: now, outcome: decision.outcome, tally, explanation: decision.explanation });
    return { vote, decision };
  }

  /** How many governments are on the vote's frozen roll, and how many of them have cast a ballot. */
  async answers(manager: EntityManager, voteId: string): Promise<{ voters: number; answered: number }> {
    const [row] = await manager.query(
      // A ballot's government is always on the roll (foreign key), so counting ballots counts answers.
      `SELECT (SELECT count(*) FROM vote_roll WHERE vote_id = $1)::int AS voters,
              (SELECT count(*) FROM ballots WHERE vote_id = $1)::int AS answered`,
      [voteId],
    );
    return row as { voters: number; answered: number };
  }

  /** A deferred vote is kept for the record, never counted again. */
  async voidOpenVote(manager: EntityManager, applicationId: string): Promise<void> {
    await manager.query(`UPDATE votes SET status = 'void', closed_at = now() WHERE application_id = $1 AND status = 'open'`, [
      applicationId,
    ]);
  }

  /** The frozen roll, today's presence at a meeting (or the answers of a written procedure), and the ballots. */
  async tally(manager: EntityManager, vote: Vote): Promise<Tally> {
    const session = await manager.query(`SELECT body FROM assemblies WHERE id = $1`, [vote.assemblyId]);
    const meeting = session[0]?.body !== 'written_procedure';
    // At a meeting, a voter counts as present when it is in the hall now or has cast a ballot (one that
    // voted and then left still counts); in a written procedure, present means answered.
    const [row] = await manager.query(
      `SELECT
         (SELECT count(*) FROM vote_roll WHERE vote_id = $1)::int AS voters,
         (SELECT count(*) FROM vote_roll r
           WHERE r.vote_id = $1
             AND (EXISTS (SELECT 1 FROM session_attendance a WHERE a.assembly_id = $2 AND a.government_id = r.government_id)
                  OR EXISTS (SELECT 1 FROM ballots b WHERE b.vote_id = $1 AND b.government_id = r.government_id)))::int AS present,
         count(*) FILTER (WHERE b.choice = 'yes')::int AS yes,
         count(*) FILTER (WHERE b.choice = 'no')::int AS no,
         count(*) FILTER (WHERE b.choice = 'abstain')::int AS abstain
       FROM ballots b WHERE b.vote_id = $1`,
      [vote.id, vote.assemblyId],
    );
    const answered = row.yes + row.no + row.abstain;
    return { voters: row.voters, present: meeting ? row.present : answered, yes: row.yes, no: row.no, abstain: row.abstain };
  }

  private async presentAmong(manager: EntityManager, sessionId: string, governmentIds: string[]): Promise<string[]> {
    const rows: { government_id: string }[] = await manager.query(
      `SELECT government_id FROM session_attendance WHERE assembly_id = $1 AND government_id = ANY($2::uuid[])`,
      [sessionId, governmentIds],
    );
    return rows.map((row) => row.government_id);
  }
}
