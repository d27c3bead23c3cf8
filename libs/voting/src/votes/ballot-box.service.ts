import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@near/audit';
import type { Acting } from '@near/identity';
import { Assembly, isMeeting } from '../assembly.entity.js';
import { VotingError, VotingErrorCode } from '../voting-error.js';
import type { BallotChoice } from './ballot.entity.js';
import { sealChoice } from './ballot-seal.js';
import { VoteBook } from './vote-book.service.js';

export interface CastResult {
  choice: BallotChoice;
  /** True when the government had already voted in this ballot and changed (or repeated) its choice. */
  changed: boolean;
  castAt: Date;
}

/** A delegate casts its own government's ballot while the vote is open; casting again changes it. */
@Injectable()
export class BallotBox {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly votes: VoteBook,
    private readonly audit: AuditTrail,
  ) {}

  async cast(applicationId: string, choice: BallotChoice, acting: Acting): Promise<CastResult> {
    const governmentId = acting.user.governmentId;
    if (acting.user.role !== 'delegate' || !governmentId) {
      throw new VotingError(VotingErrorCode.NotADelegate, 'Only the delegate of a member government casts a ballot.');
    }
    return this.dataSource.transaction(async (manager) => {
      const [application] = await manager.query(`SELECT id FROM applications WHERE id = $1 AND assembly_id IS NOT NULL`, [applicationId]);
      if (!application) throw new VotingError(VotingErrorCode.ApplicationNotFound, `No application ${applicationId} is visible to you.`);
      // A share lock: closing (which locks for update) waits for ballots being cast, and a ballot cast
      // after the close sees the vote closed.
      const vote = await this.votes.openVoteOf(manager, applicationId, 'share');
      if (!vote) throw new VotingError(VotingErrorCode.BallotNotOpen, 'No ballot is open for this application.');
      const [onRoll] = await manager.query(`SELECT 1 FROM vote_roll WHERE vote_id = $1 AND government_id = $2`, [vote.id, governmentId]);
      if (!onRoll) {
        throw new VotingError(
          VotingErrorCode.NotOnRoll,
          'Your government is not on the roll of this vote: only members with voting rights when the ballot opened vote.',
        );
      }
      const session = await manager.getRepository(Assembly).findOneByOrFail({ id: vote.assemblyId });
      const now = new Date();
      if (session.deadline && session.deadline.getTime() <= now.getTime()) {
        throw new VotingError(
          VotingErrorCode.BallotNotOpen,
          'The deadline of this written procedure has passed: no more ballots are taken.',
        );
      }
      if (isMeeting(session)) {
        const [present] = await manager.query(`SELECT 1 FROM session_attendance WHERE assembly_id = $1 AND government_id = $2`, [
          session.id,
          governmentId,
        ]);
        if (!present)
          throw new VotingError(VotingErrorCode.GovernmentAbsent, 'Your government is not recorded as present at this session.');
      }
      const [row] = await manager.query(
        `INSERT INTO ballots (vote_id, government_id, choice, cast_by, first_cast_at, last_cast_at)
         VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (vote_id, government_id)
         DO UPDATE SET choice = EXCLUDED.choice, cast_by = EXCLUDED.cast_by, last_cast_at = EXCLUDED.last_cast_at,
                       changes = ballots.changes + 1
         RETURNING (xmax = 0) AS inserted`,
        [vote.id, governmentId, choice, acting.user.id, now],
      );
      const [{ seal_key: sealKey }] = await manager.query(`SELECT seal_key FROM votes WHERE id = $1`, [vote.id]);
      await this.audit.record(manager, acting.audit, {
        action: row.inserted ? 'ballot.cast' : 'ballot.changed',
        entityType: 'application',
        entityId: applicationId,
        // Never the choice itself: a named ballot's choices are published with the result, once closed.
        payload: { voteId: vote.id, governmentId, sealedChoice: sealChoice(sealKey, governmentId, choice) },
      });
      return { choice, changed: !row.inserted, castAt: now };
    });
  }
}
