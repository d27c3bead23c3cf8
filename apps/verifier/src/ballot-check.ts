import { commitmentOf } from '../../../libs/voting/src/votes/ballot-commitment.js';
import { decide } from '../../../libs/voting/src/rules/decide.js';
import type { MajorityRule, QuorumRule } from '../../../libs/voting/src/rules/decision-rule.js';

/** The parts of a leaf's entry the ballot checks read. */
export interface BallotEntry {
  seq: number;
  action: string;
  entityId: string;
  occurredAt: string;
  actorGovernmentId: string | null;
  stateAfter: string | null;
  payload: Record<string, unknown>;
}

/** A cast as the log holds it. */
export interface LoggedCast {
  leaf: number;
  seq: number;
  occurredAt: string;
  voteId: string;
  governmentId: string;
  commitment: string;
}

/** A vote's closing entry as the log holds it: each government's counted commitment. */
export interface LoggedCount {
  leaf: number;
  seq: number;
  secrecy: string;
  counted: Map<string, string | null>;
}

interface Opening {
  sessionId: string;
  body: string;
  roll: Set<string>;
}

interface Counted {
  governmentId: string;
  commitment: string | null;
  choice?: string;
  nonce?: string | null;
}

interface Tally {
  voters: number;
  present: number;
  yes: number;
  no: number;
  abstain: number;
}

const CAST = 'ballot.cast';
const OPEN = 'application.open-ballot';
const CLOSE = 'application.close-ballot';
const ATTENDANCE = 'assembly.attendance-recorded';

/**
 * Every ballot, from the bundle alone (docs/voting.md, "What the log proves"): each cast's commitment; at each
 * close, the counted set is each government's last cast, in government order, one per government that cast, all
 * on the roll; the tally's roll and answers match; and for a named ballot each counted commitment opens to its
 * choice, and the tally and outcome recomputed from those choices, the roll and the attendance under the recorded
 * rule are the ones recorded. Ballots from before receipts (no roll at the opening, no counted set at the close)
 * are skipped and counted as such.
 */
export class BallotCheck {
  readonly casts = new Map<string, LoggedCast>();
  readonly counts = new Map<string, LoggedCount>();
  private readonly openings = new Map<string, Opening>();
  private readonly lastCasts = new Map<string, Map<string, string>>();
  /** Each meeting's attendance as recorded so far; undefined once an entry could not be replayed. */
  private readonly attendance = new Map<string, Set<string> | undefined>();
  named = 0;
  secret = 0;
  older = 0;

  /** Reads an entry at `leaf`; undefined when it fits, else why not. */
  take(entry: BallotEntry, leaf: number): string | undefined {
    switch (entry.action) {
      case CAST:
        return this.cast(entry, leaf);
      case ATTENDANCE:
        return this.attend(entry);
      case OPEN:
        return this.open(entry);
      case CLOSE:
        return this.close(entry, leaf);
      default:
        return undefined;
    }
  }

  private cast(entry: BallotEntry, leaf: number): string | undefined {
    const { voteId, governmentId, commitment } = entry.payload as Record<string, string | undefined>;
    if (commitment === undefined) return undefined; // sealed, from before receipts
    if (typeof voteId !== 'string' || typeof governmentId !== 'string' || !/^[0-9a-f]{64}$/.test(commitment)) {
      return 'a ballot.cast entry without its vote, government or commitment';
    }
    if (entry.actorGovernmentId !== governmentId)
      return `a cast for government ${governmentId} by a delegate of ${entry.actorGovernmentId}`;
    if (this.casts.has(commitment)) return `the commitment ${commitment} was cast twice: a commitment never repeats`;
    if (this.counts.has(voteId)) return `a cast in vote ${voteId} after its close`;
    this.casts.set(commitment, { leaf, seq: entry.seq, occurredAt: entry.occurredAt, voteId, governmentId, commitment });
    const last = this.lastCasts.get(voteId) ?? new Map<string, string>();
    last.set(governmentId, commitment);
    this.lastCasts.set(voteId, last);
    return undefined;
  }

  private attend(entry: BallotEntry): undefined {
    const { arrived, left } = entry.payload as { arrived?: unknown; left?: unknown };
    const present = this.attendance.has(entry.entityId) ? this.attendance.get(entry.entityId) : new Set<string>();
    if (!present || !Array.isArray(arrived) || !Array.isArray(left)) {
      this.attendance.set(entry.entityId, undefined);
      return undefined;
    }
    for (const id of left) present.delete(id as string);
    for (const id of arrived) present.add(id as string);
    this.attendance.set(entry.entityId, present);
    return undefined;
  }

  private open(entry: BallotEntry): string | undefined {
    const outcome = entry.payload.outcome as { voteId?: string; sessionId?: string; body?: string; roll?: unknown } | undefined;
    if (!outcome?.voteId || !Array.isArray(outcome.roll)) return undefined;
    if (typeof outcome.sessionId !== 'string' || typeof outcome.body !== 'string') return 'a ballot opened without its session';
    this.openings.set(outcome.voteId, { sessionId: outcome.sessionId, body: outcome.body, roll: new Set(outcome.roll as string[]) });
    return undefined;
  }

  private close(entry: BallotEntry, leaf: number): string | undefined {
    const outcome = entry.payload.outcome as
      | {
          voteId?: string;
          outcome?: string;
          tally?: Tally;
          rule?: { quorum: QuorumRule; majority: MajorityRule; ballotSecrecy?: string };
          counted?: Counted[];
        }
      | undefined;
    const opening = outcome?.voteId ? this.openings.get(outcome.voteId) : undefined;
    if (!outcome?.voteId || !Array.isArray(outcome.counted) || !opening || !outcome.tally || !outcome.rule) {
      this.older += 1;
      return undefined;
    }
    const voteId = outcome.voteId;
    const counted = outcome.counted;
    const secrecy = outcome.rule.ballotSecrecy ?? 'named';
    const last = this.lastCasts.get(voteId) ?? new Map<string, string>();
    for (let i = 0; i < counted.length; i += 1) {
      const { governmentId, commitment } = counted[i];
      if (i > 0 && !(counted[i - 1].governmentId < governmentId)) return `vote ${voteId}: the counted casts are not in government id order`;
      if (!opening.roll.has(governmentId)) return `vote ${voteId}: counts a cast of ${governmentId}, which is not on its roll`;
      if (commitment !== null && last.get(governmentId) !== commitment) {
        return `vote ${voteId}: counts ${commitment} for ${governmentId}, which is not that government's last cast in the log`;
      }
    }
    const countedIds = new Set(counted.map((cast) => cast.governmentId));
    for (const governmentId of last.keys()) {
      if (!countedIds.has(governmentId)) return `vote ${voteId}: ${governmentId} cast a ballot that the count leaves out`;
    }
    const tally = outcome.tally;
    if (tally.voters !== opening.roll.size)
      return `vote ${voteId}: the tally counts ${tally.voters} voters, the roll has ${opening.roll.size}`;
    if (tally.yes + tally.no + tally.abstain !== counted.length) {
      return `vote ${voteId}: the tally counts ${tally.yes + tally.no + tally.abstain} ballots, the counted casts are ${counted.length}`;
    }
    const present = this.presentAt(opening, countedIds, counted.length);
    if (present !== undefined && present !== tally.present) {
      return `vote ${voteId}: the tally counts ${tally.present} present, the roll, attendance and casts give ${present}`;
    }
    if (secrecy === 'named') {
      const recount = { voters: opening.roll.size, present: present ?? tally.present, yes: 0, no: 0, abstain: 0 };
      for (const { governmentId, commitment, choice, nonce } of counted) {
        if (choice !== 'yes' && choice !== 'no' && choice !== 'abstain')
          return `vote ${voteId}: no valid choice counted for ${governmentId}`;
        if (commitment !== null && (typeof nonce !== 'string' || safeCommitment(voteId, governmentId, choice, nonce) !== commitment)) {
          return `vote ${voteId}: the cast counted for ${governmentId} does not open to ${choice}`;
        }
        recount[choice] += 1;
      }
      for (const field of ['yes', 'no', 'abstain'] as const) {
        if (recount[field] !== tally[field])
          return `vote ${voteId}: the tally says ${tally[field]} ${field}, the counted casts ${recount[field]}`;
      }
      const decision = decide({ quorum: outcome.rule.quorum, majority: outcome.rule.majority, secrecy: 'named' }, recount);
      if (decision.outcome !== outcome.outcome || decision.outcome !== entry.stateAfter) {
        return `vote ${voteId}: recorded ${outcome.outcome} (state ${entry.stateAfter}), its rule decides ${decision.outcome}`;
      }
      this.named += 1;
    } else {
      if (counted.some((cast) => cast.choice !== undefined || cast.nonce !== undefined))
        return `vote ${voteId}: a secret ballot's count reveals a choice`;
      this.secret += 1;
    }
    this.counts.set(voteId, {
      leaf,
      seq: entry.seq,
      secrecy,
      counted: new Map(counted.map((cast) => [cast.governmentId, cast.commitment])),
    });
    return undefined;
  }

  /** At a meeting: the roll's governments present now or having cast; in a written procedure, those who answered. */
  private presentAt(opening: Opening, cast: Set<string>, answered: number): number | undefined {
    if (opening.body === 'written_procedure') return answered;
    const hall = this.attendance.has(opening.sessionId) ? this.attendance.get(opening.sessionId) : new Set<string>();
    if (!hall) return undefined;
    let present = 0;
    for (const id of opening.roll) if (hall.has(id) || cast.has(id)) present += 1;
    return present;
  }
}

function safeCommitment(voteId: string, governmentId: string, choice: string, nonce: string): string | undefined {
  try {
    return commitmentOf(voteId, governmentId, choice, nonce);
  } catch {
    return undefined;
  }
}
