import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { JobName, QueueName } from '@near/queue';
import { act, nextSessionNumber } from './fixtures/applications.js';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { anApplicationOnTheAgenda, everyMemberPaidUp, memberDelegates } from './fixtures/voting.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { spawnEntry, type SpawnedProcess, waitFor, WORKER_ENTRY } from './utils/spawn-app.js';

// Each test starts worker processes of its own, which on a busy machine takes a while.
jest.setTimeout(150_000);

type Choice = 'yes' | 'no' | 'abstain';

describe('a written procedure closes by itself at its deadline', () => {
  let api: TestApp;
  let queue: Queue;
  let secretariat: TestUser;
  let delegates: TestUser[];
  let workers: SpawnedProcess[] = [];

  beforeAll(async () => {
    api = await createTestApp();
    queue = api.app.get<Queue>(getQueueToken(QueueName.WrittenProcedures));
    secretariat = await aUser(api, 'secretariat');
    await everyMemberPaidUp(api);
    ({ delegates } = await memberDelegates(api, 40));
  });
  afterEach(async () => {
    await stopWorkers();
  });
  afterAll(async () => {
    await stopWorkers();
    // This test's keys only (its own prefix): the delayed jobs and the sweep scheduler it left.
    await queue.obliterate({ force: true }).catch(() => undefined);
    await api.close();
  });

  /** The real worker process, on this test's database and Redis prefix; resolves once it consumes the queue. */
  const startWorkers = async (count: number) => {
    for (let i = 0; i < count; i += 1) {
      workers.push(
        spawnEntry(WORKER_ENTRY, {
          DATABASE_URL: api.database.url,
          REDIS_PREFIX: api.config.redis.prefix,
          NODE_ENV: 'test',
          LOG_LEVEL: 'warn',
          // This suite does not look at e-mail: the worker writes it as files, away from the work tree.
          MAIL_DIR: join(tmpdir(), `near-test-mail-${process.pid}`),
        }),
      );
    }
    // Generous: on a busy 2-core machine a worker can take half a minute to start.
    await waitFor(async () => ((await queue.getWorkersCount()) >= workers.length ? true : undefined), 60_000, `${count} worker(s)`);
  };

  async function stopWorkers(): Promise<void> {
    const stopping = workers;
    workers = [];
    for (const worker of stopping) worker.child.kill('SIGTERM');
    for (const worker of stopping) {
      const exit = await worker.exited;
      // A worker that crashed or logged an error says why in the failure.
      expect({ exit, stderr: worker.stderr() }).toEqual({ exit: { code: null, signal: 'SIGTERM' }, stderr: '' });
      expect(worker.stdout()).not.toMatch(/"level":(50|60)/);
    }
  }

  const aWrittenProcedure = async (deadlineInMs: number) => {
    const response = await api
      .http()
      .post('/assemblies')
      .set(bearer(secretariat))
      .send({ body: 'written_procedure', number: nextSessionNumber(), deadline: new Date(Date.now() + deadlineInMs).toISOString() })
      .expect(201);
    expect(response.body).toMatchObject({ body: 'written_procedure', status: 'in_session', quorum: 'more_than_half_answered' });
    return response.body as { id: string; deadline: string };
  };

  /** An application on the procedure's agenda with its ballot open and the given answers in. */
  const aBallotAnswered = async (procedure: { id: string }, choices: Choice[]) => {
    const { application, applicant } = await anApplicationOnTheAgenda(api, secretariat, procedure);
    // No attendance at a written procedure: the ballot opens without it.
    const opened = await act(api, secretariat, application, 'open-ballot').expect(200);
    expect(opened.body.state).toBe('voting');
    await Promise.all(
      choices.map((choice, index) =>
        api.http().put(`/applications/${application.id}/ballot`).set(bearer(delegates[index])).send({ choice }).expect(200),
      ),
    );
    return { application, applicant };
  };

  const stateOf = async (applicationId: string) =>
    (await api.http().get(`/applications/${applicationId}`).set(bearer(secretariat)).expect(200)).body.state as string;
  const statusOf = async (procedureId: string) =>
    (await api.http().get(`/assemblies/${procedureId}`).set(bearer(secretariat)).expect(200)).body.status as string;

  const waitUntilDecided = (applicationId: string, procedureId: string, timeoutMs: number) =>
    waitFor(
      async () => {
        const [state, status] = await Promise.all([stateOf(applicationId), statusOf(procedureId)]);
        return ['approved', 'rejected'].includes(state) && status === 'closed' ? state : undefined;
      },
      timeoutMs,
      'the deadline to decide the application and close the procedure',
    );

  const auditCount = async (action: string, entityId: string) => {
    const [{ count }] = await api.dataSource.query(`SELECT count(*)::int AS count FROM audit_events WHERE action = $1 AND entity_id = $2`, [
      action,
      entityId,
    ]);
    return count as number;
  };

  /** The members that may vote now: the roll a ballot opened now would freeze (an admission adds one). */
  const rollSize = async () => {
    const members = await api.http().get('/governments?status=member').set(bearer(secretariat)).expect(200);
    return (members.body as { mayVote: boolean }[]).filter((member) => member.mayVote).length;
  };

  const yesMajority: Choice[] = [...Array(30).fill('yes'), ...Array(6).fill('no'), ...Array(4).fill('abstain')];

  it('counts the answers and approves at the deadline, with the worker running and nobody acting', async () => {
    await startWorkers(1);
    const voters = await rollSize();
    const procedure = await aWrittenProcedure(8_000);
    // The worker, reading the open procedures from PostgreSQL, puts the closing in Redis as a delayed job.
    await waitFor(
      async () => ((await queue.getDelayed()).some((job) => job.data.assemblyId === procedure.id) ? true : undefined),
      5_000,
      'the deadline job',
    );
    const { application, applicant } = await aBallotAnswered(procedure, yesMajority);
    // Nothing is decided before the deadline.
    expect(await stateOf(application.id)).toBe('voting');

    const state = await waitUntilDecided(application.id, procedure.id, 15_000);
    const decidedAt = Date.now();
    expect(state).toBe('approved');
    expect(decidedAt).toBeGreaterThanOrEqual(new Date(procedure.deadline).getTime());
    const result = await api.http().get(`/applications/${application.id}/result`).set(bearer(delegates[0])).expect(200);
    expect(result.body).toMatchObject({
      status: 'closed',
      outcome: 'approved',
      tally: { voters, present: 40, yes: 30, no: 6, abstain: 4 },
      rule: { quorum: 'more_than_half_answered', majority: 'more_than_half_cast' },
    });
    expect(result.body.explanation).toMatch(new RegExp(`^Quorum met: 40 of ${voters} voters answered`));
    const government = await api.http().get(`/governments/${applicant.governmentId}`).set(bearer(secretariat)).expect(200);
    expect(government.body).toMatchObject({ status: 'member', admittedByAssemblyId: procedure.id });

    // The system closed it: no user acted.
    const [closing] = await api.dataSource.query(
      `SELECT actor_user_id, actor_role FROM audit_events WHERE action = 'application.close-ballot' AND entity_id = $1`,
      [application.id],
    );
    expect(closing).toEqual({ actor_user_id: null, actor_role: null });
    // A ballot after the deadline is refused.
    await api.http().put(`/applications/${application.id}/ballot`).set(bearer(delegates[39])).send({ choice: 'no' }).expect(409);
  });

  it('is closed exactly once by two workers running at once, with a failed quorum rejected and explained', async () => {
    await startWorkers(2);
    const voters = await rollSize();
    const procedure = await aWrittenProcedure(5_000);
    // 20 of 70 (or 71) answer: short of the quorum of answers.
    const { application, applicant } = await aBallotAnswered(procedure, Array(20).fill('yes'));
    // Several jobs for the same procedure fall due at the deadline (as the API's deadline job, a retry and
    // a sweep would), so that both workers run the closing at the same moment.
    const delay = new Date(procedure.deadline).getTime() - Date.now();
    const racing: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      racing.push(`race-${i}-${procedure.id}`);
      await queue.add(i % 2 ? JobName.SweepWrittenProcedures : JobName.CloseWrittenProcedure, i % 2 ? {} : { assemblyId: procedure.id }, {
        jobId: racing[i],
        delay,
      });
    }

    expect(await waitUntilDecided(application.id, procedure.id, 15_000)).toBe('rejected');
    // Every job that raced has run to its end.
    await waitFor(
      async () => {
        const states = await Promise.all(racing.map(async (id) => (await queue.getJob(id))?.getState()));
        return states.every((state) => state === 'completed') ? true : undefined;
      },
      10_000,
      'the racing jobs to complete',
    );
    expect(await auditCount('application.close-ballot', application.id)).toBe(1);
    expect(await auditCount('assembly.closed', procedure.id)).toBe(1);
    expect(await queue.getJobCounts('failed')).toEqual({ failed: 0 });
    const [{ count: votes }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM votes WHERE application_id = $1 AND status = 'closed'`,
      [application.id],
    );
    expect(votes).toBe(1);

    const result = await api.http().get(`/applications/${application.id}/result`).set(bearer(secretariat)).expect(200);
    expect(result.body).toMatchObject({ outcome: 'rejected', tally: { voters, present: 20, yes: 20, no: 0, abstain: 0 } });
    const needed = Math.floor(voters / 2) + 1;
    expect(result.body.explanation).toMatch(
      new RegExp(
        `^Quorum not met: 20 of ${voters} voters answered \\(more than half, ${needed} needed\\)\\. Without a quorum no decision could be taken, so the application is not approved\\.$`,
      ),
    );
    const government = await api.http().get(`/governments/${applicant.governmentId}`).set(bearer(secretariat)).expect(200);
    expect(government.body.status).toBe('prospective');
  });

  it('is closed at once by a worker that starts after its deadline passed and Redis lost every job', async () => {
    await startWorkers(1);
    const procedure = await aWrittenProcedure(60_000);
    const { application } = await aBallotAnswered(procedure, yesMajority);
    await stopWorkers();
    // Redis loses every job of the queue (the delayed deadline job, the sweep scheduler)...
    await queue.obliterate({ force: true });
    expect(await queue.getDelayed()).toEqual([]);
    expect(await queue.getJobSchedulers()).toEqual([]);
    // ... and the deadline passes while no worker runs.
    await api.dataSource.query(`UPDATE assemblies SET deadline = now() - interval '1 second' WHERE id = $1`, [procedure.id]);
    expect(await stateOf(application.id)).toBe('voting');

    // A worker that starts puts back what PostgreSQL calls for: the sweep, and the procedure's job, due at once.
    await startWorkers(1);
    expect(await waitUntilDecided(application.id, procedure.id, 15_000)).toBe('approved');
    expect(await auditCount('application.close-ballot', application.id)).toBe(1);
    expect((await queue.getJobSchedulers()).map((scheduler) => scheduler.key)).toEqual([JobName.SweepWrittenProcedures]);
  });

  it('is closed within seconds of its deadline when Redis loses every job while the worker runs', async () => {
    await startWorkers(1);
    const procedure = await aWrittenProcedure(60_000);
    const { application } = await aBallotAnswered(procedure, yesMajority);
    await waitFor(async () => ((await queue.getJobSchedulers()).length > 0 ? true : undefined), 10_000, "the worker's sweep scheduler");
    // Redis forgets the deadline job and the sweep (every 60 s) while the worker runs; the deadline passes.
    await queue.obliterate({ force: true });
    await api.dataSource.query(`UPDATE assemblies SET deadline = now() - interval '1 second' WHERE id = $1`, [procedure.id]);

    // Well before the next sweep could have come: the worker's own check put the jobs back.
    expect(await waitUntilDecided(application.id, procedure.id, 10_000)).toBe('approved');
    expect(await auditCount('application.close-ballot', application.id)).toBe(1);
    expect((await queue.getJobSchedulers()).map((scheduler) => scheduler.key)).toEqual([JobName.SweepWrittenProcedures]);
  });

  it('refuses the Secretariat an early close while a government on the roll has not answered, and allows it once all have', async () => {
    const procedure = await aWrittenProcedure(3_600_000);
    const { application } = await aBallotAnswered(procedure, ['yes', 'no']);

    const early = await act(api, secretariat, application, 'close-ballot');
    expect(early.status).toBe(422);
    expect(early.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(early.body).toMatchObject({ type: 'urn:near:problem:guard-failed', guard: 'deadline-not-reached' });
    const voters = await rollSize();
    expect(early.body.detail).toContain(`${voters - 2} of the ${voters} governments on the roll have not answered yet`);
    expect(await stateOf(application.id)).toBe('voting');
    expect(await auditCount('application.close-ballot', application.id)).toBe(0);

    // Every government on the frozen roll answers, through a delegate of its own.
    const [{ id: voteId }] = await api.dataSource.query(`SELECT id FROM votes WHERE application_id = $1 AND status = 'open'`, [
      application.id,
    ]);
    const roll: { government_id: string }[] = await api.dataSource.query(
      `SELECT government_id FROM vote_roll r WHERE vote_id = $1 AND NOT EXISTS (SELECT 1 FROM ballots b WHERE b.vote_id = r.vote_id AND b.government_id = r.government_id)`,
      [voteId],
    );
    const late = await Promise.all(roll.map(({ government_id: governmentId }) => aUser(api, 'delegate', { governmentId })));
    for (const [index, delegate] of late.entries()) {
      const choice = index === late.length - 1 ? 'abstain' : 'yes';
      await api.http().put(`/applications/${application.id}/ballot`).set(bearer(delegate)).send({ choice }).expect(200);
      // Until the last one is in, the close is still refused.
      if (index === late.length - 2) await act(api, secretariat, application, 'close-ballot').expect(422);
    }

    const closed = await act(api, secretariat, application, 'close-ballot').expect(200);
    expect(closed.body.state).toBe('approved');
    const result = await api.http().get(`/applications/${application.id}/result`).set(bearer(secretariat)).expect(200);
    expect(result.body.tally).toMatchObject({ voters, present: voters, no: 1, abstain: 1, yes: voters - 2 });
  });

  it('refuses a ballot once the deadline has passed, even before the worker has closed the procedure', async () => {
    const procedure = await aWrittenProcedure(60_000);
    const { application } = await aBallotAnswered(procedure, ['no', 'no']);
    await api.dataSource.query(`UPDATE assemblies SET deadline = now() - interval '1 second' WHERE id = $1`, [procedure.id]);
    const traces = async () =>
      (
        await api.dataSource.query(
          `SELECT (SELECT count(*) FROM ballots)::int AS ballots, (SELECT count(*) FROM audit_events)::int AS audit`,
        )
      )[0];
    const before = await traces();
    // No worker runs: the ballot is still open in the database, but the time to answer is over.
    const late = await api.http().put(`/applications/${application.id}/ballot`).set(bearer(delegates[2])).send({ choice: 'yes' });
    const changed = await api.http().put(`/applications/${application.id}/ballot`).set(bearer(delegates[0])).send({ choice: 'yes' });
    expect([late.status, changed.status]).toEqual([409, 409]);
    expect(late.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await traces()).toEqual(before);
  });
});
