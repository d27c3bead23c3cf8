import { Injectable } from '@nestjs/common';
import { AuditQuery, type EntryLeaf, TransparencyLog } from '@near/audit';
import { VotingError, VotingErrorCode } from '../voting-error.js';

/** The log's leaves a receipt is checked against: its cast, and the closing entry of its vote once closed. */
export interface ReceiptLeaves {
  commitment: string;
  cast: EntryLeaf;
  /** The entry that counted the vote (`application.close-ballot`); null while the ballot is open. */
  count: EntryLeaf | null;
}

/**
 * Finds a cast in the transparency log by its commitment, for anyone holding a receipt (docs/voting.md, "Checking
 * a ballot"). A commitment is 32 bytes only its receipt holds: knowing one tells nothing about any other cast.
 */
@Injectable()
export class ReceiptLookup {
  constructor(
    private readonly query: AuditQuery,
    private readonly log: TransparencyLog,
  ) {}

  async find(commitment: string): Promise<ReceiptLeaves> {
    const [cast] = await this.query.withPayloadValue('ballot.cast', 'commitment', commitment);
    if (!cast) throw new VotingError(VotingErrorCode.ReceiptNotFound, 'No cast in the log has this commitment.');
    const castLeaf = await this.log.leafOf(cast.seq);
    if (!castLeaf) {
      throw new VotingError(
        VotingErrorCode.ReceiptNotFound,
        'This cast is not in a signed checkpoint yet: it takes a second or two after the cast. Try again.',
      );
    }
    const voteId = cast.payload.voteId;
    const close = (await this.query.history('application', cast.entityId)).find(
      (entry) =>
        entry.action === 'application.close-ballot' && (entry.payload.outcome as { voteId?: unknown } | undefined)?.voteId === voteId,
    );
    const count = close ? ((await this.log.leafOf(close.seq)) ?? null) : null;
    return { commitment, cast: castLeaf, count };
  }
}
