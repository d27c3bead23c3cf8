import type { GovernmentStatus } from './government.entity.js';

/** Every member pays the fee of a year by this day of that year (the fiscal year is the calendar year). */
export const FEE_DUE_MONTH_DAY = '04-30';

/** From this many fiscal years in arrears a member loses its vote (docs/domain.md). */
export const ARREARS_THAT_REMOVE_THE_VOTE = 2;

/** Only these categories pay the annual fee; observers and prospective governments do not. */
export const FEE_PAYING_STATUSES: readonly GovernmentStatus[] = ['member', 'associate'];

export interface VotingRights {
  /** Every year with a recorded payment, ascending (paid in advance included). */
  paidYears: number[];
  /** The fiscal years past their due date, owed and not paid, ascending. */
  owedYears: number[];
  /** How many fiscal years are owed: `owedYears.length`. */
  arrears: number;
  mayVote: boolean;
  /** Why, in one sentence a secretariat officer can read out. */
  reason: string;
}

/**
 * Our reading of "only members that have paid may vote; a member two fiscal years in arrears loses its
 * vote" (docs/domain.md, "Voting rights and fees"):
 *
 * - On a date D, the fiscal year Y is owed when its due date Y-04-30 is before D (so on 30 April the
 *   current year is not owed yet, on 1 May it is), Y is at or after the first year owed, and no payment
 *   is recorded for Y.
 * - The first year owed is the later of the year after admission (`memberSince`, when known: new members
 *   pay from the year after their admission) and `trackedFrom`, the first year the system holds payment
 *   records for. Without the latter every founding member would look decades in arrears.
 * - A member is in arrears by the number of years owed, and may vote while it owes fewer than two.
 *   "Only members that have paid" is read as this same rule: one year late is tolerated, two are not.
 * - Only status `member` ever votes. Associates pay the fee too and show arrears, but never vote;
 *   observers and prospective governments owe nothing.
 *
 * D is a calendar date in UTC (the server's clock, like every other date of the system).
 */
export function votingRights(
  government: { status: GovernmentStatus; memberSince: string | null },
  paidYears: readonly number[],
  on: Date,
  trackedFrom: number,
): VotingRights {
  const paid = [...new Set(paidYears)].sort((a, b) => a - b);
  const owedYears = FEE_PAYING_STATUSES.includes(government.status) ? owed(government.memberSince, paid, on, trackedFrom) : [];
  const arrears = owedYears.length;
  const mayVote = government.status === 'member' && arrears < ARREARS_THAT_REMOVE_THE_VOTE;
  return { paidYears: paid, owedYears, arrears, mayVote, reason: reasonFor(government.status, owedYears) };
}

function owed(memberSince: string | null, paid: readonly number[], on: Date, trackedFrom: number): number[] {
  const today = on.toISOString().slice(0, 10);
  const yearAfterAdmission = memberSince ? Number(memberSince.slice(0, 4)) + 1 : trackedFrom;
  const years: number[] = [];
  for (let year = Math.max(yearAfterAdmission, trackedFrom); `${year}-${FEE_DUE_MONTH_DAY}` < today; year += 1) {
    if (!paid.includes(year)) years.push(year);
  }
  return years;
}

function reasonFor(status: GovernmentStatus, owedYears: readonly number[]): string {
  const years = owedYears.join(', ');
  switch (status) {
    case 'observer':
    case 'prospective':
      return `${status === 'observer' ? 'An observer' : 'A prospective government'} pays no fee and never votes.`;
    case 'associate':
      return owedYears.length === 0
        ? 'An associate member never votes; its fees are paid up.'
        : `An associate member never votes; it owes the fee for ${years}.`;
    case 'member':
      if (owedYears.length === 0) return 'A member whose fees are paid up.';
      if (owedYears.length < ARREARS_THAT_REMOVE_THE_VOTE) return `A member one fiscal year in arrears (${years}): it still votes.`;
      return `A member ${owedYears.length} fiscal years in arrears (${years}): it has lost its vote until it owes fewer than ${ARREARS_THAT_REMOVE_THE_VOTE}.`;
  }
}
