import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditContext, type AuditEntryInput, AuditTrail } from '@near/audit';
import { GroupCommit } from '@near/common';
import { PgErrorCode, pgErrorCode } from '@near/database';
import type { Acting } from '@near/identity';
import { VotingError, VotingErrorCode } from '../voting-error.js';
import type { BallotChoice } from './ballot.entity.js';
import { type BallotReceipt, newReceipt } from './ballot-commitment.js';
import * as ballots from './ballot.repository.js';
import type { CastCheck } from './ballot.repository.js';
import * as votes from './vote.repository.js';

export interface CastResult {
  choice: BallotChoice;
  /** True when the government had already voted in this ballot and changed (or repeated) its choice. */
  changed: boolean;
  castAt: Date;
}

/** What a cast answers: the ballot, and the receipt the delegate keeps to check it in the log (docs/voting.md). */
export interface CastAnswer extends CastResult {
  receipt: BallotReceipt;
}

interface Cast {
  applicationId: string;
  governmentId: string;
  choice: BallotChoice;
  acting: Acting;
}

const MAX_ATTEMPTS = 3;

/**
 * A delegate casts its own government's ballot while the vote is open; casting again changes it.
 *
 * When a whole hall votes at once, the casts that arrive while a batch is being written are written together
 * (group commit): one transaction, one check, one upsert and one insert of audit entries for all of them, so
 * that a storm costs a few statements per batch rather than per cast (docs/benchmarks.md, "The vote storm"). Each
 * cast is still checked, answered and audited on its own; a refused one leaves the rest of its batch to commit.
 * Casts of one government in the same batch (a delegate who sends again before the first answer) count in the
 * order they arrived: the first may be new, every later one is a change, and the last one's choice stands.
 *
 * A batch's statements go one after the other, not `together`: its audit entries must take their place in the
 * log after the ballot rows are locked, so that of two batches casting for one government the log's last cast is
 * the ballot that stands.
 */
@Injectable()
export class BallotBox {
  private readonly batches = new GroupCommit<Cast, CastAnswer>((casts) => this.writeBatch(casts), {
    maxBatch: 200,
    concurrency: 2,
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async cast(applicationId: string, choice: BallotChoice, acting: Acting): Promise<CastAnswer> {
    return this.batches.submit({ applicationId, governmentId: delegateGovernmentOf(acting), choice, acting });
  }

  /** The delegate's own government's ballot in the open vote, so that a delegate on any device sees its current choice. */
  async ownBallot(applicationId: string, acting: Acting): Promise<CastResult> {
    const governmentId = delegateGovernmentOf(acting);
    const row = await ballots.ownInOpenVote(this.dataSource.manager, applicationId, governmentId);
    if (!row) throw new VotingError(VotingErrorCode.ApplicationNotFound, `No application ${applicationId} is visible to you.`);
    if (!row.vote_id) throw new VotingError(VotingErrorCode.BallotNotOpen, 'No ballot is open for this application.');
    // Why the government cannot vote, before "no ballot yet": the delegate's screen says so instead of offering buttons.
    if (!row.choice && !row.on_roll) throw notOnRoll();
    if (!row.choice && row.body !== 'written_procedure' && !row.present) throw governmentAbsent();
    if (!row.choice || !row.last_cast_at) {
      throw new VotingError(VotingErrorCode.NoBallotCast, 'Your government has not cast a ballot in this vote yet.');
    }
    return { choice: row.choice, changed: row.changes > 0, castAt: row.last_cast_at };
  }

  /** A batch that lost a deadlock to another writer is written again: its casts did nothing wrong. */
  private async writeBatch(casts: Cast[]): Promise<(CastAnswer | VotingError)[]> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.writeBatchOnce(casts);
      } catch (error) {
        const code = pgErrorCode(error);
        const conflict = code === PgErrorCode.DeadlockDetected || code === PgErrorCode.SerializationFailure;
        if (!conflict || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private writeBatchOnce(casts: Cast[]): Promise<(CastAnswer | VotingError)[]> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      // A share lock on the open votes: closing (which locks for update) waits for ballots being cast, and a
      // ballot cast after the close sees the vote closed.
      await votes.lockOpenForShare(manager, [...new Set(casts.map((cast) => cast.applicationId))]);
      const checks = await ballots.checkCasts(manager, casts);
      const refusals = casts.map((cast, index) => refusalOf(cast, checks[index], now));
      const accepted = ballotsOf(casts, checks, refusals);
      const inserted = accepted.length > 0 ? await upsertBallots(manager, accepted, now) : new Set<string>();
      const answers: (CastAnswer | VotingError | null)[] = [...refusals];
      const entries: { context: AuditContext; entry: AuditEntryInput }[] = [];
      for (const { key, voteId, casts: own } of accepted) {
        own.forEach(({ cast, index, receipt }, position) => {
          const first = position === 0 && inserted.has(key);
          answers[index] = { choice: cast.choice, changed: !first, castAt: now, receipt };
          entries.push({
            context: cast.acting.audit,
            entry: {
              // One action for a first cast and a change alike, and never the choice: the entry tells who cast, and
              // its commitment lets the delegate find it; the choice is published at the close of a named ballot only.
              action: 'ballot.cast',
              entityType: 'application',
              entityId: cast.applicationId,
              payload: { voteId, governmentId: cast.governmentId, commitment: receipt.commitment },
            },
          });
        });
      }
      await this.audit.recordEach(manager, entries);
      return answers as (CastAnswer | VotingError)[];
    });
  }
}

/** The accepted casts of a batch, one ballot per vote and government, each with its casts in the order they arrived. */
interface BallotCasts {
  key: string;
  voteId: string;
  secret: boolean;
  casts: { cast: Cast; index: number; receipt: BallotReceipt }[];
}

function ballotsOf(casts: Cast[], checks: CastCheck[], refusals: (VotingError | null)[]): BallotCasts[] {
  const byKey = new Map<string, BallotCasts>();
  casts.forEach((cast, index) => {
    if (refusals[index]) return;
    const voteId = checks[index].vote_id!;
    const key = ballotKey(voteId, cast.governmentId);
    const ballot = byKey.get(key) ?? { key, voteId, secret: checks[index].ballot_secrecy === 'secret', casts: [] };
    ballot.casts.push({ cast, index, receipt: newReceipt(voteId, cast.governmentId, cast.choice) });
    byKey.set(key, ballot);
  });
  // The same order in every batch: two batches written at once (here or in another process) lock the rows they
  // share in the same order, so they wait for each other instead of deadlocking.
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const ballotKey = (voteId: string, governmentId: string) => `${voteId}/${governmentId}`;

/** The voter's government: only the delegate of a member government casts (and reads) a ballot. */
function delegateGovernmentOf(acting: Acting): string {
  const governmentId = acting.user.governmentId;
  if (acting.user.role !== 'delegate' || !governmentId) {
    throw new VotingError(VotingErrorCode.NotADelegate, 'Only the delegate of a member government casts a ballot.');
  }
  return governmentId;
}

function refusalOf(cast: Cast, check: CastCheck, now: Date): VotingError | null {
  if (!check.visible)
    return new VotingError(VotingErrorCode.ApplicationNotFound, `No application ${cast.applicationId} is visible to you.`);
  if (!check.vote_id) return new VotingError(VotingErrorCode.BallotNotOpen, 'No ballot is open for this application.');
  if (!check.on_roll) return notOnRoll();
  if (check.deadline && check.deadline.getTime() <= now.getTime()) {
    return new VotingError(VotingErrorCode.BallotNotOpen, 'The deadline of this written procedure has passed: no more ballots are taken.');
  }
  if (check.body !== 'written_procedure' && !check.present) return governmentAbsent();
  return null;
}

const notOnRoll = () =>
  new VotingError(
    VotingErrorCode.NotOnRoll,
    'Your government is not on the roll of this vote: only members with voting rights when the ballot opened vote.',
  );

const governmentAbsent = () =>
  new VotingError(VotingErrorCode.GovernmentAbsent, 'Your government is not recorded as present at this session.');

/** Upserts each ballot once, with its last cast; answers the keys of the ballots that were new. */
async function upsertBallots(manager: EntityManager, accepted: BallotCasts[], now: Date): Promise<Set<string>> {
  const rows = await ballots.upsert(
    manager,
    accepted.map((ballot) => {
      const { cast: last, receipt } = ballot.casts.at(-1)!;
      return {
        voteId: ballot.voteId,
        governmentId: last.governmentId,
        choice: last.choice,
        commitment: receipt.commitment,
        // A named ballot's close publishes each counted cast's nonce; a secret ballot never keeps one.
        nonce: ballot.secret ? null : receipt.nonce,
        castBy: last.acting.user.id,
        laterCasts: ballot.casts.length - 1,
      };
    }),
    now,
  );
  return new Set(rows.filter((row) => row.inserted).map((row) => ballotKey(row.vote_id, row.government_id)));
}
