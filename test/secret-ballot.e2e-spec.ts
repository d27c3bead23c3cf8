import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { act, aSession } from './fixtures/applications.js';
import { bearer, type TestUser } from './fixtures/users.js';
import { aVotingHall, anApplicationOnTheAgenda, recordPresent } from './fixtures/voting.js';
import type { TestApp } from './utils/create-test-app.js';

type Choice = 'yes' | 'no' | 'abstain';

// A choice as a value (not a key, like the tally's "yes": 7): quoted in JSON (: "yes"), or in a CSV cell holding JSON (:""yes"").
const CHOICE_VALUE = /:\s*"{1,2}(yes|no|abstain)"{1,2}/;
const CHOICE_KEY = /"{1,2}choice"{1,2}\s*:/;

interface Reading {
  what: string;
  text: string;
}

/**
 * Where a voter's government id and a choice stand in the same record: the smallest JSON object holding
 * both (an audit entry's payload, a named ballot), or the same CSV row.
 */
function revelations(readings: Reading[], voterIds: string[]): string[] {
  const found: string[] = [];
  const reveals = (text: string) => voterIds.some((id) => text.includes(id)) && (CHOICE_VALUE.test(text) || CHOICE_KEY.test(text));
  const visit = (what: string, node: unknown): boolean => {
    if (node === null || typeof node !== 'object') return false;
    const children = Object.values(node).map((child) => visit(what, child));
    // A list is not a record: two of its items do not reveal anything together, nor one of them with the
    // record that holds the list (a page of entries, one of them a named ballot's published count).
    if (children.some(Boolean) || Array.isArray(node)) return children.some(Boolean);
    const text = JSON.stringify(
      Object.fromEntries(
        Object.entries(node).filter(([, child]) => !(Array.isArray(child) && child.some((item) => typeof item === 'object'))),
      ),
    );
    if (!reveals(text)) return false;
    found.push(`${what}: ${text.slice(0, 300)}`);
    return true;
  };
  for (const { what, text } of readings) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      for (const row of text.split('\r\n')) if (reveals(row)) found.push(`${what}: ${row.slice(0, 300)}`);
      continue;
    }
    visit(what, parsed);
  }
  return found;
}

describe('a secret ballot', () => {
  let api: TestApp;
  let secretariat: TestUser;
  let memberIds: string[];
  let delegates: TestUser[];

  beforeAll(async () => {
    ({ api, secretariat, memberIds, delegates } = await aVotingHall(14));
  });
  afterAll(() => api.close());

  const vote = (delegate: TestUser, applicationId: string, choice: Choice) =>
    api.http().put(`/applications/${applicationId}/ballot`).set(bearer(delegate)).send({ choice });

  const aMeeting = async (ballotSecrecy?: 'secret' | 'named') => {
    const session = await aSession(api, secretariat, undefined, ballotSecrecy ? { ballotSecrecy } : {});
    await api.http().post(`/assemblies/${session.id}/open`).set(bearer(secretariat)).expect(200);
    await recordPresent(api, secretariat, session.id, memberIds.slice(0, 40)).expect(200);
    return session;
  };

  // Twelve delegates vote; four change their minds. The last choice of each stands.
  const FIRST: Choice[] = ['yes', 'yes', 'yes', 'yes', 'yes', 'no', 'no', 'no', 'abstain', 'abstain', 'yes', 'no'];
  const CHANGED: Partial<Record<number, Choice>> = { 0: 'no', 5: 'yes', 8: 'yes', 11: 'abstain' };
  const finalChoice = (index: number) => CHANGED[index] ?? FIRST[index];

  /** Everything the API lets each kind of reader see about the application, its session and the trail. */
  const readEverything = async (applicationId: string, sessionId: string, readers: TestUser[]): Promise<Reading[]> => {
    const readings: Reading[] = [];
    const read = async (user: TestUser, path: string, accept?: string) => {
      const request = api.http().get(path).set(bearer(user));
      const response = await (accept ? request.set('Accept', accept) : request);
      readings.push({ what: `${user.role} GET ${path}${accept ? ` (${accept})` : ''} → ${response.status}`, text: response.text });
      return response;
    };
    for (const user of readers) {
      await read(user, `/applications/${applicationId}`);
      await read(user, `/applications/${applicationId}/history`);
      await read(user, `/applications/${applicationId}/result`);
      await read(user, `/applications`);
      await read(user, `/assemblies/${sessionId}`);
      await read(user, `/assemblies`);
    }
    await read(secretariat, `/audit-events?applicationId=${applicationId}&limit=1000`);
    await read(secretariat, `/audit-events?limit=1000`);
    await read(secretariat, `/audit-events?limit=1000&format=csv`);
    await read(secretariat, `/audit-events?limit=1000`, 'text/csv');
    await read(secretariat, `/audit-events?action=ballot.cast&limit=1000`);
    await read(secretariat, `/audit-events?action=ballot.changed&limit=1000`);
    return readings;
  };

  it('never reveals through the API which government voted what, to anyone, while open or after; the tally is still right', async () => {
    const session = await aMeeting('secret');
    expect(session.ballotSecrecy).toBe('secret');
    const { application, applicant } = await anApplicationOnTheAgenda(api, secretariat, session);
    await act(api, secretariat, application, 'open-ballot').expect(200);
    const voters = delegates.slice(0, FIRST.length);
    for (const [index, delegate] of voters.entries()) await vote(delegate, application.id, FIRST[index]).expect(200);
    for (const [index, choice] of Object.entries(CHANGED)) await vote(voters[Number(index)], application.id, choice!).expect(200);
    const voterIds = voters.map((delegate) => delegate.governmentId!);
    const nonVoter = delegates[13];
    const readers = [secretariat, voters[0], voters[5], nonVoter, applicant];

    const whileOpen = await readEverything(application.id, session.id, readers);
    expect(revelations(whileOpen, voterIds)).toEqual([]);
    const live = await api.http().get(`/applications/${application.id}/result`).set(bearer(secretariat)).expect(200);
    expect(live.body).toEqual({
      status: 'open',
      voteId: expect.any(String),
      openedAt: expect.any(String),
      turnout: { voters: 70, ballots: 12 },
      rule: expect.objectContaining({ ballotSecrecy: 'secret' }),
      // Who has not voted yet, for the Secretariat to chase, and what closing now would decide: never a choice.
      notVoted: expect.any(Array),
      ifClosedNow: { outcome: expect.stringMatching(/^(approved|rejected)$/), quorumMet: expect.any(Boolean) },
    });
    const notVoted = (live.body.notVoted as { governmentId: string }[]).map((government) => government.governmentId);
    expect(notVoted).toHaveLength(58);
    expect(notVoted.filter((id) => voterIds.includes(id))).toEqual([]);

    // The trail records that each government voted, never how.
    const history = await api.http().get(`/applications/${application.id}/history`).set(bearer(secretariat)).expect(200);
    const ballotEntries = (history.body as { action: string; payload: Record<string, unknown> }[]).filter((entry) =>
      entry.action.startsWith('ballot.'),
    );
    // A change is recorded as a cast like any other, and every cast's commitment is new.
    expect(ballotEntries.map((entry) => entry.action)).toEqual(Array(16).fill('ballot.cast'));
    for (const entry of ballotEntries) {
      expect(Object.keys(entry.payload).sort()).toEqual(['commitment', 'governmentId', 'voteId']);
      expect(entry.payload.commitment).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(entry.payload)).not.toMatch(CHOICE_VALUE);
    }
    expect(new Set(ballotEntries.map((entry) => entry.payload.commitment)).size).toBe(16);

    const closed = await act(api, secretariat, application, 'close-ballot').expect(200);
    const tally = {
      voters: 70,
      present: 40,
      yes: FIRST.filter((_, index) => finalChoice(index) === 'yes').length,
      no: FIRST.filter((_, index) => finalChoice(index) === 'no').length,
      abstain: FIRST.filter((_, index) => finalChoice(index) === 'abstain').length,
    };
    expect(tally).toEqual({ voters: 70, present: 40, yes: 7, no: 3, abstain: 2 });
    expect(closed.body.state).toBe('approved');

    for (const reader of readers) {
      const result = await api.http().get(`/applications/${application.id}/result`).set(bearer(reader)).expect(200);
      expect(result.body).toMatchObject({ status: 'closed', outcome: 'approved', tally });
      expect(result.body).not.toHaveProperty('ballots');
    }
    const afterClose = await readEverything(application.id, session.id, readers);
    expect(revelations(afterClose, voterIds)).toEqual([]);
  });

  it('finds a revelation where there is one: a named ballot publishes who voted what once closed', async () => {
    // The check above must be able to fail: the same reading of a named ballot finds every voter's choice.
    const session = await aMeeting();
    expect(session.ballotSecrecy).toBe('named');
    const { application } = await anApplicationOnTheAgenda(api, secretariat, session);
    await act(api, secretariat, application, 'open-ballot').expect(200);
    const voters = delegates.slice(0, 3);
    for (const delegate of voters) await vote(delegate, application.id, 'yes').expect(200);
    await act(api, secretariat, application, 'close-ballot').expect(200);
    const result = await api.http().get(`/applications/${application.id}/result`).set(bearer(voters[0])).expect(200);
    const found = revelations(
      [{ what: 'result', text: result.text }],
      voters.map((delegate) => delegate.governmentId!),
    );
    expect(found).toHaveLength(3);
  });

  it('shows nobody the live choices of a named ballot while it is open, not even the secretariat', async () => {
    // Issue 4: "Delegates see the result only once the ballot is closed; the secretariat sees live
    // turnout (how many have voted), never live choices."
    const session = await aMeeting('named');
    const { application, applicant } = await anApplicationOnTheAgenda(api, secretariat, session);
    await act(api, secretariat, application, 'open-ballot').expect(200);
    // Not the governments whose named ballots the test above published.
    const voters = delegates.slice(4, 8);
    for (const [index, delegate] of voters.entries()) await vote(delegate, application.id, index % 2 ? 'no' : 'yes').expect(200);
    const readings = await readEverything(application.id, session.id, [secretariat, voters[0], delegates[13], applicant]);
    expect(
      revelations(
        readings,
        voters.map((delegate) => delegate.governmentId!),
      ),
    ).toEqual([]);
  });
});
