import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { act } from './fixtures/applications.js';
import { bearer, type TestUser } from './fixtures/users.js';
import { aVotingHall, anApplicationOnTheAgenda, recordPresent } from './fixtures/voting.js';
import type { TestApp } from './utils/create-test-app.js';
import { integrateLog } from './utils/integrate-log.js';

type Choice = 'yes' | 'no' | 'abstain';
const CHOICES: Choice[] = ['yes', 'no', 'abstain'];

/** What one delegate sends: requests in order (a pair sent at once counts as one step), the last one wins. */
interface Plan {
  delegate: TestUser;
  /** Each step is sent after the previous one answered; the requests of a step go together. */
  steps: Choice[][];
  final: Choice;
}

// A small deterministic generator, so a failure can be replayed with the same seed.
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('a vote storm: every member delegate casts at once over HTTP', () => {
  let api: TestApp;
  let secretariat: TestUser;
  let memberIds: string[];
  let delegates: TestUser[];

  beforeAll(async () => {
    ({ api, secretariat, memberIds, delegates } = await aVotingHall(70));
  });
  afterAll(() => api.close());

  const ballotEntries = (
    applicationId: string,
  ): Promise<{ action: string; government_id: string; actor_government_id: string; commitment: string; payload: string }[]> =>
    api.dataSource.query(
      `SELECT action, payload::jsonb->>'governmentId' AS government_id, actor_government_id, payload::jsonb->>'commitment' AS commitment, payload
         FROM audit_events WHERE entity_type = 'application' AND entity_id = $1 AND action IN ('ballot.cast', 'ballot.changed')
        ORDER BY seq`,
      [applicationId],
    );
  const commitmentsOf = async (voteId: string): Promise<Map<string, string>> =>
    new Map(
      (
        (await api.dataSource.query(`SELECT government_id, commitment FROM ballots WHERE vote_id = $1`, [voteId])) as {
          government_id: string;
          commitment: string;
        }[]
      ).map((row) => [row.government_id, row.commitment]),
    );

  it('counts exactly one ballot per government, the last choice of each, with every cast and change audited', async () => {
    expect(memberIds).toHaveLength(70);
    expect(delegates).toHaveLength(70);
    const seed = Date.now() % 100_000;
    const random = generator(seed);
    const { application, session } = await anApplicationOnTheAgenda(api, secretariat);
    await recordPresent(api, secretariat, session.id, memberIds).expect(200);
    await act(api, secretariat, application, 'open-ballot').expect(200);

    // A quarter vote once, a quarter repeat the same choice, a quarter change it, and the rest send the
    // same ballot twice at the very same moment and then change it.
    const plans: Plan[] = delegates.map((delegate, index) => {
      const final = CHOICES[Math.floor(random() * 3)];
      const other = CHOICES[(CHOICES.indexOf(final) + 1 + Math.floor(random() * 2)) % 3];
      switch (index % 4) {
        case 0:
          return { delegate, steps: [[final]], final };
        case 1:
          return { delegate, steps: [[final], [final]], final };
        case 2:
          return { delegate, steps: [[other], [final]], final };
        default:
          return { delegate, steps: [[other, other], [final]], final };
      }
    });

    const responses: { plan: Plan; response: Response }[] = [];
    const send = (plan: Plan, choice: Choice) =>
      api
        .http()
        .put(`/applications/${application.id}/ballot`)
        .set(bearer(plan.delegate))
        .send({ choice })
        .then((response) => {
          responses.push({ plan, response });
          return response;
        });
    await Promise.all(
      shuffle(plans, random).map(async (plan) => {
        for (const step of plan.steps) {
          await pause(Math.floor(random() * 15));
          await Promise.all(step.map((choice) => send(plan, choice)));
        }
      }),
    );

    const sent = plans.reduce((total, plan) => total + plan.steps.flat().length, 0);
    expect(responses).toHaveLength(sent);
    const failures = responses.filter(({ response }) => response.status !== 200);
    expect({ seed, failures: failures.map(({ response }) => `${response.status} ${response.text}`) }).toEqual({ seed, failures: [] });
    for (const plan of plans) {
      const mine = responses.filter((entry) => entry.plan === plan).map(({ response }) => response.body.changed as boolean);
      // Only the first ballot of a government is new; every later one (even a repeat) replaces it.
      expect(mine.filter((changed) => !changed)).toHaveLength(1);
    }

    const [{ id: voteId }] = await api.dataSource.query(`SELECT id FROM votes WHERE application_id = $1`, [application.id]);
    const rows: { government_id: string; choice: Choice; changes: number }[] = await api.dataSource.query(
      `SELECT government_id, choice, changes FROM ballots WHERE vote_id = $1`,
      [voteId],
    );
    expect(rows).toHaveLength(70);
    expect(new Set(rows.map((row) => row.government_id)).size).toBe(70);
    const recorded = Object.fromEntries(rows.map((row) => [row.government_id, row.choice]));
    const expected = Object.fromEntries(plans.map((plan) => [plan.delegate.governmentId!, plan.final]));
    expect(recorded).toEqual(expected);
    for (const plan of plans) {
      const row = rows.find((candidate) => candidate.government_id === plan.delegate.governmentId)!;
      expect(row.changes).toBe(plan.steps.flat().length - 1);
    }

    const counted = await commitmentsOf(voteId);
    const closed = await act(api, secretariat, application, 'close-ballot').expect(200);
    const count = (choice: Choice) => plans.filter((plan) => plan.final === choice).length;
    const tally = { voters: 70, present: 70, yes: count('yes'), no: count('no'), abstain: count('abstain') };
    const outcome = tally.yes * 2 > tally.yes + tally.no ? 'approved' : 'rejected';
    expect(closed.body.state).toBe(outcome);
    const result = await api.http().get(`/applications/${application.id}/result`).set(bearer(delegates[0])).expect(200);
    expect(result.body).toMatchObject({ status: 'closed', outcome, tally });
    const published = Object.fromEntries(
      (result.body.ballots as { governmentId: string; choice: Choice }[]).map((ballot) => [ballot.governmentId, ballot.choice]),
    );
    expect(published).toEqual(expected);

    // Every request that answered 200 left exactly one audit entry, a first cast and a change alike, holding the
    // commitment of its receipt and never the choice.
    const entries = await ballotEntries(application.id);
    expect(entries).toHaveLength(sent);
    expect(entries.every((entry) => entry.action === 'ballot.cast' && !/yes|no|abstain/.test(entry.payload))).toBe(true);
    for (const plan of plans) {
      const own = entries.filter((entry) => entry.government_id === plan.delegate.governmentId);
      const receipts = responses.filter((entry) => entry.plan === plan).map(({ response }) => response.body.receipt.commitment as string);
      expect(new Set(own.map((entry) => entry.commitment))).toEqual(new Set(receipts));
      expect(own.every((entry) => entry.actor_government_id === plan.delegate.governmentId)).toBe(true);
      // The trail is in commit order: its last entry for a government is the cast that stands, the one counted.
      expect(own.at(-1)!.commitment).toBe(receipts.at(-1));
      expect(counted.get(plan.delegate.governmentId!)).toBe(receipts.at(-1));
    }

    await integrateLog(api.database.url);
    const verification = await api.http().get('/audit-events/verify').set(bearer(secretariat)).expect(200);
    expect(verification.body).toMatchObject({ valid: true });
  });

  it('takes three different choices sent at once by every delegate: the last one written stands, and the trail says which', async () => {
    const { application, session } = await anApplicationOnTheAgenda(api, secretariat);
    await recordPresent(api, secretariat, session.id, memberIds).expect(200);
    await act(api, secretariat, application, 'open-ballot').expect(200);

    const random = generator(Date.now() % 100_000);
    const casts = shuffle(
      delegates.flatMap((delegate) => CHOICES.map((choice) => ({ delegate, choice }))),
      random,
    );
    const answers = await Promise.all(
      casts.map(({ delegate, choice }) =>
        api
          .http()
          .put(`/applications/${application.id}/ballot`)
          .set(bearer(delegate))
          .send({ choice })
          .then((response) => ({ delegate, response })),
      ),
    );
    expect(answers.filter(({ response }) => response.status !== 200).map(({ response }) => response.text)).toEqual([]);

    const [{ id: voteId }] = await api.dataSource.query(`SELECT id FROM votes WHERE application_id = $1`, [application.id]);
    const rows: { government_id: string; choice: Choice; changes: number; commitment: string }[] = await api.dataSource.query(
      `SELECT government_id, choice, changes, commitment FROM ballots WHERE vote_id = $1`,
      [voteId],
    );
    const entries = await ballotEntries(application.id);
    expect(rows).toHaveLength(70);
    for (const delegate of delegates) {
      const mine = answers.filter((answer) => answer.delegate === delegate).map(({ response }) => response.body);
      expect(mine.filter((body) => !body.changed)).toHaveLength(1);
      const row = rows.find((candidate) => candidate.government_id === delegate.governmentId)!;
      expect(row.changes).toBe(2);
      const own = entries.filter((entry) => entry.government_id === delegate.governmentId);
      expect(own.map((entry) => entry.action)).toEqual(['ballot.cast', 'ballot.cast', 'ballot.cast']);
      expect(new Set(own.map((entry) => entry.commitment))).toEqual(new Set(mine.map((body) => body.receipt.commitment)));
      // The last entry is the cast that stands: its receipt holds the choice the row holds.
      expect(own.at(-1)!.commitment).toBe(row.commitment);
      expect(mine.find((body) => body.receipt.commitment === row.commitment).receipt.choice).toBe(row.choice);
    }
    await integrateLog(api.database.url);
    const verification = await api.http().get('/audit-events/verify').set(bearer(secretariat)).expect(200);
    expect(verification.body).toMatchObject({ valid: true });
  });
});
