import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { Response } from 'supertest';
import { QueueName } from '@near/queue';
import { act, aSession, nextSessionNumber } from './fixtures/applications.js';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { aVotingHall, anApplicationOnTheAgenda, everyMemberPaidUp, recordPresent } from './fixtures/voting.js';
import type { TestApp } from './utils/create-test-app.js';

describe('ballots that are refused, and the rules around them', () => {
  let api: TestApp;
  let secretariat: TestUser;
  let memberIds: string[];
  let delegates: TestUser[];

  beforeAll(async () => {
    ({ api, secretariat, memberIds, delegates } = await aVotingHall(70));
  });
  afterAll(async () => {
    // The written procedure below left its deadline job under this test's own Redis prefix.
    await api.app
      .get<Queue>(getQueueToken(QueueName.WrittenProcedures))
      .obliterate({ force: true })
      .catch(() => undefined);
    await api.close();
  });

  const vote = (user: TestUser, applicationId: string, body: object) =>
    api.http().put(`/applications/${applicationId}/ballot`).set(bearer(user)).send(body);
  const delegateOf = (id: string) => delegates.find((delegate) => delegate.governmentId === id)!;

  /** Everything a refused ballot could have left behind. */
  const traces = async () => {
    const [row] = await api.dataSource.query(
      `SELECT (SELECT count(*) FROM ballots)::int AS ballots, (SELECT count(*) FROM audit_events)::int AS audit,
              (SELECT count(*) FROM votes)::int AS votes, (SELECT count(*) FROM session_attendance)::int AS attendance`,
    );
    return row as { ballots: number; audit: number; votes: number; attendance: number };
  };

  /** Sends a request that must be refused with `status` as problem+json and change nothing. */
  const expectRefusedLeavingNothing = async (send: () => PromiseLike<Response>, status: number, type?: string) => {
    const before = await traces();
    const response = await send();
    expect({ status: response.status, body: response.body }).toMatchObject({ status, body: { status } });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (type) expect(response.body.type).toBe(`urn:near:problem:${type}`);
    expect(await traces()).toEqual(before);
    return response;
  };

  /** A meeting in session with the first `present` members present and a ballot open on a fresh application. */
  const anOpenBallot = async (present = 40) => {
    const { application, applicant, session } = await anApplicationOnTheAgenda(api, secretariat);
    await recordPresent(api, secretariat, session.id, memberIds.slice(0, present)).expect(200);
    await act(api, secretariat, application, 'open-ballot').expect(200);
    return { application, applicant, session };
  };

  const resultOf = (applicationId: string, user: TestUser = secretariat) =>
    api.http().get(`/applications/${applicationId}/result`).set(bearer(user)).expect(200);

  describe('ballots refused without a trace', () => {
    it('refuses a ballot after the ballot closed (409)', async () => {
      const { application } = await anOpenBallot();
      await vote(delegates[0], application.id, { choice: 'no' }).expect(200);
      await act(api, secretariat, application, 'close-ballot').expect(200);
      await expectRefusedLeavingNothing(() => vote(delegates[1], application.id, { choice: 'yes' }), 409, 'ballot-not-open');
      // Not even a change of a ballot already cast.
      await expectRefusedLeavingNothing(() => vote(delegates[0], application.id, { choice: 'yes' }), 409, 'ballot-not-open');
    });

    it('refuses a ballot when none is open yet: the application is only on the agenda (409)', async () => {
      const { application, session } = await anApplicationOnTheAgenda(api, secretariat);
      await recordPresent(api, secretariat, session.id, memberIds.slice(0, 40)).expect(200);
      await expectRefusedLeavingNothing(() => vote(delegates[0], application.id, { choice: 'yes' }), 409, 'ballot-not-open');
    });

    it('refuses a member two fiscal years in arrears when the ballot opened: it is not on the roll (403)', async () => {
      const defaulter = memberIds[5];
      await api.dataSource.query(`DELETE FROM fee_payments WHERE government_id = $1`, [defaulter]);
      try {
        const standing = await api.http().get(`/governments/${defaulter}`).set(bearer(secretariat)).expect(200);
        expect(standing.body).toMatchObject({ mayVote: false, fees: { arrears: 2 } });
        const { application } = await anOpenBallot(40);
        const refused = await expectRefusedLeavingNothing(
          () => vote(delegateOf(defaulter), application.id, { choice: 'yes' }),
          403,
          'not-on-roll',
        );
        expect(refused.body.detail).toMatch(/not on the roll/);
        // The roll has one voter fewer, and the delegates still on it vote as usual.
        expect((await resultOf(application.id)).body.turnout).toEqual({ voters: 69, ballots: 0 });
      } finally {
        await everyMemberPaidUp(api);
      }
    });

    it('refuses a member on the roll but not recorded as present at the meeting (403)', async () => {
      const { application } = await anOpenBallot(40);
      const absent = delegateOf(memberIds[50]);
      await expectRefusedLeavingNothing(() => vote(absent, application.id, { choice: 'yes' }), 403, 'government-absent');
    });

    it('refuses users who are not delegates by their role (403): an applicant, an observer’s officer, the secretariat, an admin', async () => {
      const { application, applicant } = await anOpenBallot();
      const observerOfficer = await aUser(api, 'applicant', { government: 'Liaoning' });
      const admin = await aUser(api, 'admin');
      for (const user of [applicant, observerOfficer, secretariat, admin]) {
        const refused = await expectRefusedLeavingNothing(() => vote(user, application.id, { choice: 'yes' }), 403);
        expect(refused.body.type).toBe('urn:near:problem:forbidden');
      }
    });

    it('refuses a delegate account of an observer government, were one to exist: never on the roll (403)', async () => {
      const { application, session } = await anOpenBallot();
      // The user service refuses a delegate for a non-member, so the account is written straight to the table.
      const observerDelegate = await aUser(api, 'delegate', { government: 'Tianjin' });
      // Even recorded as present, it is not on the roll.
      await recordPresent(api, secretariat, session.id, [...memberIds.slice(0, 40), observerDelegate.governmentId!]).expect(200);
      await expectRefusedLeavingNothing(() => vote(observerDelegate, application.id, { choice: 'yes' }), 403, 'not-on-roll');
    });

    it('never lets a delegate vote for another government: a governmentId in the body is refused (400) and its own ballot is its own', async () => {
      const { application } = await anOpenBallot(40);
      const voter = delegates[3];
      const other = memberIds[4];
      const refused = await expectRefusedLeavingNothing(
        () => vote(voter, application.id, { choice: 'no', governmentId: other }),
        400,
        'validation-failed',
      );
      expect(refused.body.errors).toEqual([{ field: 'governmentId', messages: [expect.stringMatching(/governmentId should not exist/)] }]);

      await vote(voter, application.id, { choice: 'no' }).expect(200);
      const rows: { government_id: string; cast_by: string }[] = await api.dataSource.query(
        `SELECT b.government_id, b.cast_by FROM ballots b JOIN votes v ON v.id = b.vote_id WHERE v.application_id = $1`,
        [application.id],
      );
      expect(rows).toEqual([{ government_id: voter.governmentId, cast_by: voter.id }]);
    });

    it.each([
      ['an unknown choice', { choice: 'maybe' }],
      ['a choice in capitals', { choice: 'YES' }],
      ['no choice at all', {}],
      ['a choice that is not a string', { choice: true }],
    ])('refuses %s (400)', async (_name, body) => {
      const { application } = await anOpenBallot(40);
      const refused = await expectRefusedLeavingNothing(() => vote(delegates[0], application.id, body), 400, 'validation-failed');
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'choice' })]);
    });
  });

  describe('the session around its ballots', () => {
    it('cannot close while one of its ballots is open (409), and closes once it is counted', async () => {
      const { application, session } = await anOpenBallot(40);
      await vote(delegates[0], application.id, { choice: 'no' }).expect(200);
      const refused = await expectRefusedLeavingNothing(
        () => api.http().post(`/assemblies/${session.id}/close`).set(bearer(secretariat)),
        409,
        'ballot-still-open',
      );
      expect(refused.body.detail).toMatch(/still open/);
      await act(api, secretariat, application, 'close-ballot').expect(200);
      const closed = await api.http().post(`/assemblies/${session.id}/close`).set(bearer(secretariat)).expect(200);
      expect(closed.body.status).toBe('closed');
    });

    it('records attendance only while in session (409 before it opens and after it closes)', async () => {
      const session = await aSession(api, secretariat);
      const attend = () => recordPresent(api, secretariat, session.id, memberIds.slice(0, 40));
      await expectRefusedLeavingNothing(attend, 409, 'session-not-in-progress');
      await api.http().post(`/assemblies/${session.id}/open`).set(bearer(secretariat)).expect(200);
      await attend().expect(200);
      await api.http().post(`/assemblies/${session.id}/close`).set(bearer(secretariat)).expect(200);
      await expectRefusedLeavingNothing(attend, 409, 'session-not-in-progress');
      const present = await api.dataSource.query(`SELECT count(*)::int AS count FROM session_attendance WHERE assembly_id = $1`, [
        session.id,
      ]);
      expect(present).toEqual([{ count: 40 }]);
    });

    it('refuses to open a session already in session (409)', async () => {
      const session = await aSession(api, secretariat);
      await api.http().post(`/assemblies/${session.id}/open`).set(bearer(secretariat)).expect(200);
      await expectRefusedLeavingNothing(
        () => api.http().post(`/assemblies/${session.id}/open`).set(bearer(secretariat)),
        409,
        'session-not-scheduled',
      );
    });
  });

  describe('the roll frozen when the ballot opens', () => {
    it('keeps the roll and the result as frozen when a member pays or defaults after the opening', async () => {
      const late = memberIds[10];
      const defaulting = memberIds[11];
      await api.dataSource.query(`DELETE FROM fee_payments WHERE government_id = $1`, [late]);
      try {
        const { application } = await anOpenBallot(70);
        expect((await resultOf(application.id)).body.turnout).toEqual({ voters: 69, ballots: 0 });

        // After the opening, the late payer pays up and another member falls two years behind.
        const year = new Date().getUTCFullYear();
        for (const paidYear of [year - 1, year]) {
          await api
            .http()
            .put(`/governments/${late}/fees`)
            .set(bearer(secretariat))
            .send({ year: paidYear, paidOn: new Date().toISOString().slice(0, 10) })
            .expect(200);
        }
        await api.dataSource.query(`DELETE FROM fee_payments WHERE government_id = $1`, [defaulting]);
        expect((await api.http().get(`/governments/${late}`).set(bearer(secretariat)).expect(200)).body.mayVote).toBe(true);
        expect((await api.http().get(`/governments/${defaulting}`).set(bearer(secretariat)).expect(200)).body.mayVote).toBe(false);

        // The one who paid late is still off this roll; the one who defaulted is still on it.
        await expectRefusedLeavingNothing(() => vote(delegateOf(late), application.id, { choice: 'yes' }), 403, 'not-on-roll');
        await vote(delegateOf(defaulting), application.id, { choice: 'no' }).expect(200);
        for (const delegate of delegates.slice(20, 40)) await vote(delegate, application.id, { choice: 'no' }).expect(200);

        await act(api, secretariat, application, 'close-ballot').expect(200);
        const result = await resultOf(application.id);
        expect(result.body).toMatchObject({ outcome: 'rejected', tally: { voters: 69, present: 69, yes: 0, no: 21, abstain: 0 } });
        expect((result.body.ballots as { governmentId: string }[]).map((ballot) => ballot.governmentId)).toContain(defaulting);
      } finally {
        await api.dataSource.query(`DELETE FROM fee_payments WHERE government_id = ANY($1::uuid[])`, [[late, defaulting]]);
        await everyMemberPaidUp(api);
      }
    });

    it('still counts the ballot, and the presence, of a government that left the hall after casting it', async () => {
      // 36 of 70 present: exactly the quorum. One of them votes, then leaves the hall before the count.
      const present = memberIds.slice(0, 36);
      const { application, session } = await anOpenBallot(36);
      const leaver = delegateOf(present[0]);
      await vote(leaver, application.id, { choice: 'yes' }).expect(200);
      await vote(delegateOf(present[1]), application.id, { choice: 'no' }).expect(200);
      await vote(delegateOf(present[2]), application.id, { choice: 'no' }).expect(200);
      await recordPresent(api, secretariat, session.id, present.slice(1)).expect(200);
      await expectRefusedLeavingNothing(() => vote(leaver, application.id, { choice: 'no' }), 403, 'government-absent');

      const closed = await act(api, secretariat, application, 'close-ballot').expect(200);
      const result = await resultOf(application.id);
      expect(result.body.tally).toEqual({ voters: 70, present: 36, yes: 1, no: 2, abstain: 0 });
      expect(result.body.explanation).toMatch(/^Quorum met: 36 of 70 voters present/);
      expect(result.body.ballots).toContainEqual(expect.objectContaining({ governmentId: leaver.governmentId, choice: 'yes' }));
      // Rejected on the majority, not for want of a quorum.
      expect(result.body.explanation).toMatch(/Rejected: 1 of 3 ballots cast are yes/);
      expect(closed.body.state).toBe('rejected');
    });
  });

  describe('deferring during the vote', () => {
    it('sends the application back to eligible and keeps its ballots, void, never counted again', async () => {
      const { application } = await anOpenBallot(40);
      for (const delegate of delegates.slice(0, 10)) await vote(delegate, application.id, { choice: 'yes' }).expect(200);
      const deferred = await act(api, secretariat, application, 'defer', {
        reason: 'The Assembly asks for the opinion of the Working Committee first.',
      }).expect(200);
      expect(deferred.body.state).toBe('eligible');
      const [first] = await api.dataSource.query(
        `SELECT v.id, v.status, (SELECT count(*)::int FROM ballots b WHERE b.vote_id = v.id) AS ballots FROM votes v WHERE v.application_id = $1`,
        [application.id],
      );
      expect(first).toMatchObject({ status: 'void', ballots: 10 });
      await api.http().get(`/applications/${application.id}/result`).set(bearer(secretariat)).expect(404);
      // A late ballot for the deferred vote is refused and changes nothing.
      await expectRefusedLeavingNothing(() => vote(delegates[11], application.id, { choice: 'yes' }), 404);

      // Placed on a later session, a new ballot is counted on its own.
      const later = await aSession(api, secretariat);
      await api.http().post(`/assemblies/${later.id}/open`).set(bearer(secretariat)).expect(200);
      await act(api, secretariat, application, 'place-on-agenda', { assemblyId: later.id }).expect(200);
      await recordPresent(api, secretariat, later.id, memberIds.slice(0, 40)).expect(200);
      await act(api, secretariat, application, 'open-ballot').expect(200);
      for (const delegate of delegates.slice(30, 35)) await vote(delegate, application.id, { choice: 'no' }).expect(200);
      // A government that voted in the void vote votes afresh: its old yes is not its ballot here.
      const again = await vote(delegates[0], application.id, { choice: 'abstain' }).expect(200);
      expect(again.body.changed).toBe(false);
      const closed = await act(api, secretariat, application, 'close-ballot').expect(200);
      expect(closed.body.state).toBe('rejected');

      const result = await resultOf(application.id);
      expect(result.body.voteId).not.toBe(first.id);
      expect(result.body.tally).toEqual({ voters: 70, present: 40, yes: 0, no: 5, abstain: 1 });
      expect(result.body.ballots).toHaveLength(6);
      const [old] = await api.dataSource.query(
        `SELECT v.status, v.tally, (SELECT count(*)::int FROM ballots b WHERE b.vote_id = v.id) AS ballots FROM votes v WHERE v.id = $1`,
        [first.id],
      );
      expect(old).toEqual({ status: 'void', tally: null, ballots: 10 });
    });
  });

  describe('rejection', () => {
    it('rejects on a majority of no and leaves the applicant government as it was', async () => {
      const { application, applicant } = await anOpenBallot(40);
      const before = await api.http().get(`/governments/${applicant.governmentId}`).set(bearer(secretariat)).expect(200);
      for (const [index, delegate] of delegates.slice(0, 40).entries()) {
        await vote(delegate, application.id, { choice: index < 15 ? 'yes' : index < 35 ? 'no' : 'abstain' }).expect(200);
      }
      const closed = await act(api, secretariat, application, 'close-ballot').expect(200);
      expect(closed.body.state).toBe('rejected');
      const result = await resultOf(application.id, delegates[0]);
      expect(result.body).toMatchObject({
        outcome: 'rejected',
        tally: { voters: 70, present: 40, yes: 15, no: 20, abstain: 5 },
        explanation:
          'Quorum met: 40 of 70 voters present (more than half, 36 needed). Rejected: 15 of 35 ballots cast are yes (more than half of ballots cast, 18 needed); 5 abstained.',
      });
      const after = await api.http().get(`/governments/${applicant.governmentId}`).set(bearer(secretariat)).expect(200);
      expect(after.body).toEqual(before.body);
      expect(after.body.status).toBe('prospective');
      const [{ count }] = await api.dataSource.query(
        `SELECT count(*)::int AS count FROM audit_events WHERE action = 'government.admitted' AND entity_id = $1`,
        [applicant.governmentId],
      );
      expect(count).toBe(0);
    });

    it('rejects a written procedure in which too few answered, naming the quorum in the explanation', async () => {
      const procedure = await api
        .http()
        .post('/assemblies')
        .set(bearer(secretariat))
        .send({
          body: 'written_procedure',
          number: nextSessionNumber(),
          deadline: new Date(Date.now() + 3_600_000).toISOString(),
        })
        .expect(201);
      expect(procedure.body).toMatchObject({ status: 'in_session', quorum: 'more_than_half_answered' });
      const { application } = await anApplicationOnTheAgenda(api, secretariat, procedure.body);
      await act(api, secretariat, application, 'open-ballot').expect(200);
      // 35 of 70 answer, every one of them yes: one short of the quorum.
      for (const delegate of delegates.slice(0, 35)) await vote(delegate, application.id, { choice: 'yes' }).expect(200);
      // The deadline passes (the Secretariat may not close it before: 35 have not answered).
      await api.dataSource.query(`UPDATE assemblies SET deadline = now() - interval '1 second' WHERE id = $1`, [procedure.body.id]);
      const closed = await act(api, secretariat, application, 'close-ballot').expect(200);
      expect(closed.body.state).toBe('rejected');
      const result = await resultOf(application.id);
      expect(result.body).toMatchObject({ outcome: 'rejected', tally: { voters: 70, present: 35, yes: 35, no: 0, abstain: 0 } });
      expect(result.body.explanation).toMatch(
        /^Quorum not met: 35 of 70 voters answered \(more than half, 36 needed\)\. Without a quorum no decision could be taken, so the application is not approved\.$/,
      );
    });
  });
});
