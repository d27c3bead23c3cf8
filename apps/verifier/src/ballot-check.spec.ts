import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { BallotCheck, type BallotEntry } from './ballot-check.js';

const VOTE = '6f0f3c1e-2a8f-4d5b-9a3e-1c2d3e4f5a6b';
const SESSION = '7a000000-0000-4000-8000-000000000000';
const GOVERNMENTS = [
  '11111111-1111-4111-8111-111111111111',
  '22222222-2222-4222-8222-222222222222',
  '33333333-3333-4333-8333-333333333333',
];

// The layout of docs/voting.md, written here again rather than imported.
const commit = (government: string, choice: string, nonce: string) =>
  createHash('sha256')
    .update(Buffer.from(VOTE.replaceAll('-', ''), 'hex'))
    .update(Buffer.from(government.replaceAll('-', ''), 'hex'))
    .update(Buffer.from([choice.length]))
    .update(choice)
    .update(Buffer.from(nonce, 'hex'))
    .digest('hex');

let seq = 0;
const entry = (action: string, fields: Partial<BallotEntry>): BallotEntry => ({
  seq: ++seq,
  action,
  entityId: 'application',
  occurredAt: '2026-12-06T10:00:00.000Z',
  actorGovernmentId: null,
  stateAfter: null,
  payload: {},
  ...fields,
});

/** A named ballot at a meeting: all three present, two yes and one no (the third changed from yes). */
function aNamedBallot() {
  const casts = [
    [GOVERNMENTS[0], 'yes'],
    [GOVERNMENTS[1], 'yes'],
    [GOVERNMENTS[2], 'yes'],
    [GOVERNMENTS[2], 'no'],
  ].map(([governmentId, choice]) => {
    const nonce = randomBytes(32).toString('hex');
    return { governmentId, choice, nonce, commitment: commit(governmentId, choice, nonce) };
  });
  const counted = [casts[0], casts[1], casts[3]];
  const close = {
    voteId: VOTE,
    outcome: 'approved',
    tally: { voters: 3, present: 3, yes: 2, no: 1, abstain: 0 },
    rule: { quorum: 'more_than_half_present', majority: 'more_than_half_cast', ballotSecrecy: 'named' },
    counted,
  };
  const entries = () => [
    entry('assembly.attendance-recorded', { entityId: SESSION, payload: { present: 3, arrived: GOVERNMENTS, left: [] } }),
    entry('application.open-ballot', {
      stateAfter: 'voting',
      payload: { outcome: { voteId: VOTE, sessionId: SESSION, body: 'general_assembly', roll: GOVERNMENTS } },
    }),
    ...casts.map(({ governmentId, commitment }) =>
      entry('ballot.cast', { actorGovernmentId: governmentId, payload: { voteId: VOTE, governmentId, commitment } }),
    ),
    entry('application.close-ballot', { stateAfter: close.outcome, payload: { outcome: close } }),
  ];
  return { casts, close, entries };
}

const check = (entries: BallotEntry[]) => {
  const ballots = new BallotCheck();
  for (const [leaf, item] of entries.entries()) {
    const why = ballots.take(item, leaf);
    if (why) return why;
  }
  return { named: ballots.named, secret: ballots.secret };
};

describe('the verifier recounting ballots from the log', () => {
  it('recounts an honest named ballot', () => {
    expect(check(aNamedBallot().entries())).toEqual({ named: 1, secret: 0 });
  });

  it('fails on a tally that differs from the counted choices', () => {
    const ballot = aNamedBallot();
    ballot.close.tally = { voters: 3, present: 3, yes: 3, no: 0, abstain: 0 };
    expect(check(ballot.entries())).toMatch(/the tally says 3 yes, the counted casts 2/);
  });

  it('fails on an outcome the rule does not give', () => {
    const ballot = aNamedBallot();
    ballot.close.outcome = 'rejected';
    expect(check(ballot.entries())).toMatch(/recorded rejected .* its rule decides approved/);
  });

  it('fails on a published choice its commitment does not open to', () => {
    const ballot = aNamedBallot();
    ballot.close.counted = [ballot.casts[0], ballot.casts[1], { ...ballot.casts[3], choice: 'yes' }];
    ballot.close.tally = { voters: 3, present: 3, yes: 3, no: 0, abstain: 0 };
    expect(check(ballot.entries())).toMatch(/does not open to yes/);
  });

  it('fails when the count takes a cast that was superseded, or leaves a government out', () => {
    const superseded = aNamedBallot();
    superseded.close.counted = [superseded.casts[0], superseded.casts[1], superseded.casts[2]];
    superseded.close.tally = { voters: 3, present: 3, yes: 3, no: 0, abstain: 0 };
    expect(check(superseded.entries())).toMatch(/not that government's last cast/);
    const leftOut = aNamedBallot();
    leftOut.close.counted = [leftOut.casts[0], leftOut.casts[1]];
    leftOut.close.tally = { voters: 3, present: 3, yes: 2, no: 0, abstain: 0 };
    expect(check(leftOut.entries())).toMatch(/cast a ballot that the count leaves out/);
  });

  it('fails on a present count the attendance and casts do not give', () => {
    const ballot = aNamedBallot();
    ballot.close.tally = { voters: 3, present: 2, yes: 2, no: 1, abstain: 0 };
    expect(check(ballot.entries())).toMatch(/counts 2 present, the roll, attendance and casts give 3/);
  });

  it("fails on a secret ballot's count that publishes a choice", () => {
    const ballot = aNamedBallot();
    ballot.close.rule.ballotSecrecy = 'secret';
    expect(check(ballot.entries())).toMatch(/reveals a choice/);
  });
});
