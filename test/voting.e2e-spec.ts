import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { act } from './fixtures/applications.js';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { aVotingHall, anApplicationOnTheAgenda, recordPresent } from './fixtures/voting.js';
import type { TestApp } from './utils/create-test-app.js';
import { waitFor } from './utils/spawn-app.js';

describe('a General Assembly votes on an application', () => {
  let api: TestApp;
  let secretariat: TestUser;
  let memberIds: string[];
  let delegates: TestUser[];

  beforeAll(async () => {
    ({ api, secretariat, memberIds, delegates } = await aVotingHall(40));
  });
  afterAll(() => api.close());

  const vote = (delegate: TestUser, applicationId: string, choice: string) =>
    api.http().put(`/applications/${applicationId}/ballot`).set(bearer(delegate)).send({ choice });
  /** Until a statement like `pattern` (SQL LIKE) waits for a lock another transaction of the test holds. */
  const waitingForALock = (pattern: string, what: string) =>
    waitFor(
      async () => {
        const [waiting] = await api.dataSource.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1 AND pid <> pg_backend_pid()`,
          [pattern],
        );
        return waiting ? true : undefined;
      },
      10_000,
      what,
    );

  it('approves with a quorum present and a majority of yes, and the applicant enters the member list', async () => {
    const { application, applicant, session } = await anApplicationOnTheAgenda(api, secretariat);
    await recordPresent(api, secretariat, session.id, memberIds.slice(0, 40)).expect(200);
    const opened = await act(api, secretariat, application, 'open-ballot').expect(200);
    expect(opened.body.state).toBe('voting');

    for (const [index, delegate] of delegates.entries()) {
      await vote(delegate, application.id, index < 25 ? 'yes' : index < 35 ? 'no' : 'abstain').expect(200);
    }
    const live = await api.http().get(`/applications/${application.id}/result`).set(bearer(secretariat)).expect(200);
    expect(live.body).toMatchObject({ status: 'open', turnout: { voters: 70, ballots: 40 } });
    // Every present member has voted: the 30 on the roll without a ballot are the absent ones.
    expect(live.body.notVoted).toHaveLength(30);
    expect((live.body.notVoted as { present: boolean }[]).filter((government) => government.present)).toEqual([]);
    expect(live.body.ifClosedNow).toEqual({ outcome: 'approved', quorumMet: true });
    expect(JSON.stringify(live.body)).not.toMatch(/"(yes|no|abstain)"/);
    await api.http().get(`/applications/${application.id}/result`).set(bearer(delegates[0])).expect(409);

    const closed = await act(api, secretariat, application, 'close-ballot').expect(200);
    expect(closed.body.state).toBe('approved');
    const result = await api.http().get(`/applications/${application.id}/result`).set(bearer(delegates[0])).expect(200);
    expect(result.body).toMatchObject({
      status: 'closed',
      outcome: 'approved',
      tally: { voters: 70, present: 40, yes: 25, no: 10, abstain: 5 },
      rule: { quorum: 'more_than_half_present', majority: 'more_than_half_cast', ballotSecrecy: 'named' },
      // What the explanation says, for a client to word it in its reader's language.
      decision: { quorum: { met: true, required: 36, actual: 40 }, majority: { met: true, required: 18, yes: 25, base: 35 } },
    });
    expect(result.body.explanation).toContain('Quorum met: 40 of 70 voters present (more than half, 36 needed).');
    expect(result.body.ballots).toHaveLength(40);

    const government = await api.http().get(`/governments/${applicant.governmentId}`).set(bearer(secretariat)).expect(200);
    // A member from the day of the decision in Toyama, the session's host (UTC+9 all year), whatever the day in UTC.
    const dayInToyama = new Date(Date.parse(closed.body.decidedAt as string) + 9 * 3_600_000).toISOString().slice(0, 10);
    expect(government.body).toMatchObject({ status: 'member', memberSince: dayInToyama });
    const members = await api.http().get('/governments?status=member').set(bearer(secretariat)).expect(200);
    expect(members.body).toHaveLength(71);
  });

  it("shows a delegate its own government's current ballot, from any device, until the ballot closes", async () => {
    const { application, session } = await anApplicationOnTheAgenda(api, secretariat);
    await recordPresent(api, secretariat, session.id, memberIds.slice(0, 40)).expect(200);
    const own = (delegate: TestUser) => api.http().get(`/applications/${application.id}/ballot`).set(bearer(delegate));
    expect((await own(delegates[0]).expect(409)).body.type).toMatch(/ballot-not-open$/);
    await act(api, secretariat, application, 'open-ballot').expect(200);

    expect((await own(delegates[0]).expect(404)).body.type).toMatch(/no-ballot-cast$/);
    await vote(delegates[0], application.id, 'yes').expect(200);
    expect((await own(delegates[0]).expect(200)).body).toMatchObject({ choice: 'yes', changed: false });
    await vote(delegates[0], application.id, 'no').expect(200);
    expect((await own(delegates[0]).expect(200)).body).toMatchObject({ choice: 'no', changed: true });
    // Another government's delegate sees its own (none), never the first one's.
    await own(delegates[1]).expect(404);
    // One whose government is not recorded present is told why it cannot vote, before it tries.
    const absent = await aUser(api, 'delegate', { governmentId: memberIds[60] });
    expect((await own(absent).expect(403)).body.type).toMatch(/government-absent$/);

    // Rejected (one no), so that the registry, and the next test's quorum, stay as they were.
    expect((await act(api, secretariat, application, 'close-ballot').expect(200)).body.state).toBe('rejected');
    await own(delegates[0]).expect(409);
  });

  it('takes a ballot whose first write lost a deadlock to another writer, instead of refusing it', async () => {
    const { application, session } = await anApplicationOnTheAgenda(api, secretariat);
    await recordPresent(api, secretariat, session.id, memberIds.slice(0, 40)).expect(200);
    await act(api, secretariat, application, 'open-ballot').expect(200);
    await vote(delegates[0], application.id, 'yes').expect(200);
    const [{ id: voteId }] = await api.dataSource.query(`SELECT id FROM votes WHERE application_id = $1 AND status = 'open'`, [
      application.id,
    ]);

    // Another writer holds the government's ballot row, so the cast waits for it while holding its share of the
    // vote; when that writer then asks for the vote itself, each waits for the other and PostgreSQL aborts one.
    const other = api.dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    try {
      await other.query(`SELECT 1 FROM ballots WHERE vote_id = $1 AND government_id = $2 FOR UPDATE`, [voteId, delegates[0].governmentId]);
      const cast = vote(delegates[0], application.id, 'no').then((response) => response);
      await waitingForALock('%INSERT INTO ballots%', 'the cast to wait for the ballot row');
      await other.query(`SELECT 1 FROM votes WHERE id = $1 FOR UPDATE`, [voteId]);
      await other.commitTransaction();
      const response = await cast;
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ choice: 'no', changed: true });
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
    const [{ choice }] = await api.dataSource.query(`SELECT choice FROM ballots WHERE vote_id = $1 AND government_id = $2`, [
      voteId,
      delegates[0].governmentId,
    ]);
    expect(choice).toBe('no');
    await act(api, secretariat, application, 'close-ballot').expect(200);
  });

  it('counts at the close the attendance being recorded at that moment, whose entry comes first in the log', async () => {
    const { application, session } = await anApplicationOnTheAgenda(api, secretariat);
    await recordPresent(api, secretariat, session.id, memberIds.slice(0, 36)).expect(200);
    await act(api, secretariat, application, 'open-ballot').expect(200);
    for (const delegate of delegates.slice(0, 20)) await vote(delegate, application.id, 'no').expect(200);

    // An attendance recorded as Attendance.record does it, not committed yet when the Secretariat closes the ballot.
    const recording = api.dataSource.createQueryRunner();
    await recording.connect();
    await recording.startTransaction();
    try {
      await recording.query(`SELECT 1 FROM assemblies WHERE id = $1 FOR UPDATE`, [session.id]);
      await recording.query(`INSERT INTO session_attendance (assembly_id, government_id) SELECT $1, unnest($2::uuid[])`, [
        session.id,
        memberIds.slice(36, 40),
      ]);
      let answered = false;
      const closing = act(api, secretariat, application, 'close-ballot').then((response) => ((answered = true), response));
      await waitingForALock('%FOR SHARE%', 'the close to wait for the attendance');
      expect(answered).toBe(false);
      await recording.commitTransaction();
      expect((await closing).status).toBe(200);
    } finally {
      if (recording.isTransactionActive) await recording.rollbackTransaction();
      await recording.release();
    }
    const result = await api.http().get(`/applications/${application.id}/result`).set(bearer(secretariat)).expect(200);
    expect(result.body.tally).toMatchObject({ present: 40, no: 20 });
  });

  it('refuses to open the ballot without a quorum, saying why', async () => {
    const { application, session } = await anApplicationOnTheAgenda(api, secretariat);
    await recordPresent(api, secretariat, session.id, memberIds.slice(0, 35)).expect(200);
    const refused = await act(api, secretariat, application, 'open-ballot').expect(422);
    expect(refused.body.detail).toBe('No quorum: 35 of 71 voters are present, 36 are needed.');
  });
});
