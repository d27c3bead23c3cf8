// The counted numbers of one closed ballot, taken from the roll frozen when the ballot opened.
export interface Tally {
  /** Size of the frozen roll. */
  voters: number;
  /** Roll members present at the meeting; for a written procedure, the number who answered. */
  present: number;
  yes: number;
  no: number;
  abstain: number;
}

export function cast(t: Tally): number {
  return t.yes + t.no;
}

export function answered(t: Tally): number {
  return t.yes + t.no + t.abstain;
}

/** Throws a RangeError for a tally that cannot come from a frozen roll. */
export function assertTally(t: Tally): void {
  for (const field of ['voters', 'present', 'yes', 'no', 'abstain'] as const) {
    const value = t[field];
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`Impossible tally: ${field} must be a whole number of at least 0, got ${String(value)}.`);
    }
  }
  if (t.present > t.voters) {
    throw new RangeError(`Impossible tally: ${t.present} present but only ${t.voters} voters on the roll.`);
  }
  if (answered(t) > t.voters) {
    throw new RangeError(`Impossible tally: ${answered(t)} ballots counted but only ${t.voters} voters on the roll.`);
  }
  // At a meeting only governments present may vote. A written procedure counts those who answered as
  // present, so the same check holds there and no body needs to be passed in.
  if (answered(t) > t.present) {
    throw new RangeError(`Impossible tally: ${answered(t)} ballots counted but only ${t.present} governments present.`);
  }
}
