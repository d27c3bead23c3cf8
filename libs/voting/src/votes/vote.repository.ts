import type { EntityManager } from 'typeorm';
import type { Tally } from '../rules/tally.js';
import { Vote, type VoteOutcome } from './vote.entity.js';

// The SQL of the votes and vote_roll tables.

/** The open vote of an application, locked against concurrent ballots (share) or closing (update). */
export function findOpen(db: EntityManager, applicationId: string, lock: 'share' | 'update'): Promise<Vote | null> {
  return db
    .getRepository(Vote)
    .createQueryBuilder('v')
    .where('v.applicationId = :applicationId AND v.status = :status', { applicationId, status: 'open' })
    .setLock(lock === 'share' ? 'pessimistic_read' : 'pessimistic_write')
    .getOne();
}

/** Share locks on the open votes of these applications, in one order for every caller (no deadlock). */
export async function lockOpenForShare(db: EntityManager, applicationIds: readonly string[]): Promise<void> {
  await db.query(`SELECT id FROM votes WHERE application_id = ANY($1::uuid[]) AND status = 'open' ORDER BY id FOR SHARE`, [applicationIds]);
}

/** The application's latest vote that was not voided. */
export function findLatestCounted(db: EntityManager, applicationId: string): Promise<Vote | null> {
  return db
    .getRepository(Vote)
    .createQueryBuilder('v')
    .where('v.applicationId = :applicationId AND v.status IN (:...statuses)', { applicationId, statuses: ['open', 'closed'] })
    .orderBy('v.openedAt', 'DESC')
    .getOne();
}

export function insert(db: EntityManager, vote: Omit<Vote, 'id'>): Promise<Vote> {
  const repository = db.getRepository(Vote);
  return repository.save(repository.create(vote));
}

/** Freezes the roll: the voters, and which of them were present when the vote opened. */
export async function insertRoll(
  db: EntityManager,
  voteId: string,
  voterIds: readonly string[],
  presentIds: readonly string[],
): Promise<void> {
  if (voterIds.length === 0) return;
  await db.query(
    `INSERT INTO vote_roll (vote_id, government_id, present_at_opening)
     SELECT $1, id, id = ANY($3::uuid[]) FROM unnest($2::uuid[]) AS id`,
    [voteId, voterIds, presentIds],
  );
}

export async function close(
  db: EntityManager,
  voteId: string,
  result: { closedAt: Date; outcome: VoteOutcome; tally: Tally; explanation: string },
): Promise<void> {
  // A seal key (of ballots cast before receipts) is of no use once counted, and would link sealed entries to choices.
  await db.getRepository(Vote).update({ id: voteId }, { status: 'closed', ...result, sealKey: null });
}

/** A deferred vote is kept for the record, never counted again. */
export async function voidOpen(db: EntityManager, applicationId: string): Promise<void> {
  await db.query(`UPDATE votes SET status = 'void', closed_at = now(), seal_key = NULL WHERE application_id = $1 AND status = 'open'`, [
    applicationId,
  ]);
}

/** How many governments are on the vote's frozen roll, and how many have cast a ballot (a ballot's government is always on the roll). */
export async function turnout(db: EntityManager, voteId: string): Promise<{ voters: number; ballots: number }> {
  const [row] = await db.query(
    `SELECT (SELECT count(*) FROM vote_roll WHERE vote_id = $1)::int AS voters, (SELECT count(*) FROM ballots WHERE vote_id = $1)::int AS ballots`,
    [voteId],
  );
  return row as { voters: number; ballots: number };
}

/** The governments on the vote's roll that have cast no ballot, each with whether it is recorded present at the session. */
export async function withoutBallot(
  db: EntityManager,
  voteId: string,
  sessionId: string,
): Promise<{ governmentId: string; present: boolean }[]> {
  return db.query(
    `SELECT r.government_id AS "governmentId",
            EXISTS (SELECT 1 FROM session_attendance a WHERE a.assembly_id = $2 AND a.government_id = r.government_id) AS present
       FROM vote_roll r
      WHERE r.vote_id = $1 AND NOT EXISTS (SELECT 1 FROM ballots b WHERE b.vote_id = $1 AND b.government_id = r.government_id)`,
    [voteId, sessionId],
  );
}

/** The roll, the presence (at a meeting: in the hall now, or cast a ballot) and the ballots of a vote. */
export async function tallyRow(
  db: EntityManager,
  voteId: string,
  sessionId: string,
): Promise<{ voters: number; present: number; yes: number; no: number; abstain: number }> {
  const [row] = await db.query(
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
    [voteId, sessionId],
  );
  return row;
}

/** How many votes of a session are still open. */
export async function countOpenInSession(db: EntityManager, sessionId: string): Promise<number> {
  const [row] = await db.query(`SELECT count(*)::int AS count FROM votes WHERE assembly_id = $1 AND status = 'open'`, [sessionId]);
  return row.count as number;
}

/** The applications whose ballot is open at a session. */
export async function applicationsVotingIn(db: EntityManager, sessionId: string): Promise<string[]> {
  const rows: { application_id: string }[] = await db.query(`SELECT application_id FROM votes WHERE assembly_id = $1 AND status = 'open'`, [
    sessionId,
  ]);
  return rows.map((row) => row.application_id);
}

/** The governments on the roll of any vote on the application at the session. */
export async function rollOf(db: EntityManager, applicationId: string, sessionId: string): Promise<string[]> {
  const rows: { government_id: string }[] = await db.query(
    `SELECT DISTINCT r.government_id FROM votes v JOIN vote_roll r ON r.vote_id = v.id WHERE v.application_id = $1 AND v.assembly_id = $2`,
    [applicationId, sessionId],
  );
  return rows.map((row) => row.government_id);
}
