import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { act, aSession, nextSessionNumber } from './fixtures/applications.js';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { anApplicationOnTheAgenda, everyMemberPaidUp, memberDelegates, recordPresent } from './fixtures/voting.js';
import type { TestApp } from './utils/create-test-app.js';
import { integratedByWorker } from './utils/integrate-log.js';
import { hashLeaf, openSignedNote, readCheckpoint, verifyInclusion } from './utils/rfc9162.js';
import { spawnApi, type SpawnedApi } from './utils/spawned-api.js';
import { spawnEntry, type SpawnedProcess, waitFor, WORKER_ENTRY } from './utils/spawn-app.js';
import { aMigratedTestDatabase, type TestDatabase } from './utils/test-database.js';

type Choice = 'yes' | 'no' | 'abstain';
interface Receipt {
  voteId: string;
  governmentId: string;
  choice: Choice;
  nonce: string;
  commitment: string;
}

const EXPORT_ENTRY = resolve('dist/apps/api/apps/api/src/cli/log-export.js');

/**
 * The commitment as docs/voting.md writes it, computed here from that page alone: SHA-256 over the vote id's 16
 * bytes, the government id's 16 bytes, one byte giving the choice's length, the choice in ASCII, the nonce's 32 bytes.
 */
function commitmentPerDocs(receipt: Omit<Receipt, 'commitment'>): string {
  const uuid = (text: string) => Buffer.from(text.replaceAll('-', ''), 'hex');
  return createHash('sha256')
    .update(
      Buffer.concat([
        uuid(receipt.voteId),
        uuid(receipt.governmentId),
        Buffer.from([receipt.choice.length]),
        Buffer.from(receipt.choice, 'ascii'),
        Buffer.from(receipt.nonce, 'hex'),
      ]),
    )
    .digest('hex');
}

// A choice as a JSON value (`"choice":"yes"`, `: "no"`), also inside JSON held as text (`\"abstain\"`).
const CHOICE_VALUE = /:\s*\\*"(yes|no|abstain)\\*"/;

/** Every text in which one of the governments stands next to a choice: a row, a Redis value, a log line. */
function linksIn(texts: { where: string; text: string }[], governmentIds: readonly string[]): string[] {
  return texts
    .filter(({ text }) => CHOICE_VALUE.test(text) && governmentIds.some((id) => text.includes(id)))
    .map(({ where, text }) => `${where}: ${text.slice(0, 400)}`);
}

describe('ballot receipts, and secret ballots that stay secret (docs/voting.md)', () => {
  let database: TestDatabase;
  let spawned: SpawnedApi;
  let api: TestApp;
  let worker: SpawnedProcess;
  let redisPrefix: string;
  let work: string;
  let secretariat: TestUser;
  let memberIds: string[];
  let delegates: TestUser[];

  // The meeting's secret ballot: twelve vote, four change their minds, one repeats its choice.
  const FIRST: Choice[] = ['yes', 'yes', 'yes', 'yes', 'yes', 'no', 'no', 'no', 'abstain', 'abstain', 'yes', 'no'];
  const CHANGED: Partial<Record<number, Choice>> = { 0: 'no', 5: 'yes', 8: 'yes', 11: 'abstain', 1: 'yes' };
  const finalChoice = (index: number) => CHANGED[index] ?? FIRST[index];
  const receipts = new Map<string, Receipt[]>();
  let meeting: { session: { id: string }; application: { id: string }; applicant: TestUser };
  let procedure: { application: { id: string }; applicant: TestUser };
  let rollIds: string[];

  const vote = async (delegate: TestUser, applicationId: string, choice: Choice) => {
    const response = await api.http().put(`/applications/${applicationId}/ballot`).set(bearer(delegate)).send({ choice }).expect(200);
    const receipt = response.body.receipt as Receipt;
    receipts.set(delegate.governmentId!, [...(receipts.get(delegate.governmentId!) ?? []), receipt]);
    return receipt;
  };

  /** Everything an applicant or a delegate may read about the application, its session and the lists. */
  const readAll = async (readers: TestUser[], applicationId: string, sessionId: string) => {
    const readings: Record<string, string> = {};
    for (const reader of readers) {
      for (const path of [
        `/applications/${applicationId}`,
        `/applications/${applicationId}/history`,
        `/applications/${applicationId}/result`,
        `/applications/${applicationId}/messages`,
        `/applications`,
        `/assemblies/${sessionId}`,
        `/assemblies`,
        `/governments`,
      ]) {
        const response = await api.http().get(path).set(bearer(reader));
        // An entry's leaf index arrives a second after it (the worker integrates it), a refusal names its request:
        // neither is a sign of any cast.
        readings[`${reader.role} ${reader.email} GET ${path}`] =
          `${response.status} ${response.text.replace(/"leafIndex":(\d+|null)/g, '"leafIndex":…').replace(/"requestId":"[^"]*"/g, '"requestId":…')}`;
      }
    }
    return readings;
  };

  /** Every row of every table of the database, each as one text. */
  const everyRow = async () => {
    const tables: { table_name: string }[] = await api.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const texts: { where: string; text: string }[] = [];
    for (const { table_name: table } of tables) {
      const rows: Record<string, unknown>[] = await api.dataSource.query(`SELECT * FROM "${table}"`);
      rows.forEach((row, index) => texts.push({ where: `${table} row ${index}`, text: JSON.stringify(row) }));
    }
    return { tables: tables.map((row) => row.table_name), texts };
  };

  /** Every value under the processes' Redis prefix: queued and finished jobs, schedulers, caches. */
  const everyRedisValue = async () => {
    const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
    const texts: { where: string; text: string }[] = [];
    try {
      for await (const keys of redis.scanStream({ match: `${redisPrefix}:*`, count: 500 }) as AsyncIterable<string[]>) {
        for (const key of keys) {
          const type = await redis.type(key);
          const value =
            type === 'string'
              ? await redis.get(key)
              : type === 'hash'
                ? await redis.hgetall(key)
                : type === 'list'
                  ? await redis.lrange(key, 0, -1)
                  : type === 'set'
                    ? await redis.smembers(key)
                    : type === 'zset'
                      ? await redis.zrange(key, 0, -1)
                      : type === 'stream'
                        ? await redis.xrange(key, '-', '+')
                        : null;
          texts.push({ where: `redis ${key}`, text: JSON.stringify(value) });
        }
      }
    } finally {
      redis.disconnect();
    }
    return texts;
  };

  const logLines = () =>
    [
      ['api', spawned.process.stdout() + spawned.process.stderr()],
      ['worker', worker.stdout() + worker.stderr()],
    ].flatMap(([name, text]) => text.split('\n').map((line, index) => ({ where: `${name} log line ${index + 1}`, text: line })));

  const resultOf = async (applicationId: string, reader: TestUser) =>
    (await api.http().get(`/applications/${applicationId}/result`).set(bearer(reader)).expect(200)).body;

  const run = async (entry: string, args: string[], env: Record<string, string> = {}) => {
    const child = spawnEntry(entry, env, args);
    const { code } = await child.exited;
    return { code, stdout: child.stdout(), stderr: child.stderr() };
  };

  const saveReceipt = (name: string, receipt: object) => {
    const file = join(work, `${name}.json`);
    writeFileSync(file, JSON.stringify(receipt));
    return file;
  };

  beforeAll(async () => {
    database = await aMigratedTestDatabase();
    redisPrefix = `near-receipts-${randomBytes(4).toString('hex')}`;
    work = mkdtempSync(join(tmpdir(), 'near-receipts-'));
    // The most talkative logs the processes have: none of it may link a government to a choice.
    spawned = await spawnApi(database.url, { REDIS_PREFIX: redisPrefix, LOG_LEVEL: 'trace' }, 60_000);
    api = spawned.testApp;
    worker = spawnEntry(WORKER_ENTRY, {
      DATABASE_URL: database.url,
      REDIS_PREFIX: redisPrefix,
      LOG_LEVEL: 'trace',
      MAIL_DIR: join(work, 'mail'),
    });
    secretariat = await aUser(api, 'secretariat');
    await everyMemberPaidUp(api);
    ({ memberIds, delegates } = await memberDelegates(api, 40));
  }, 240_000);

  afterAll(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await spawned?.kill();
    await database?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('shows applicants and delegates nothing of who cast or changed while a secret ballot is open', async () => {
    const session = await aSession(api, secretariat, undefined, { ballotSecrecy: 'secret' });
    await api.http().post(`/assemblies/${session.id}/open`).set(bearer(secretariat)).expect(200);
    await recordPresent(api, secretariat, session.id, memberIds.slice(0, 40)).expect(200);
    const { application, applicant } = await anApplicationOnTheAgenda(api, secretariat, session);
    meeting = { session, application, applicant };
    await act(api, secretariat, application, 'open-ballot').expect(200);

    const voter = delegates[0];
    const readers = [applicant, voter, delegates[39]];
    const before = await readAll(readers, application.id, session.id);
    const [{ mails: mailsBefore }] = await api.dataSource.query(`SELECT count(*)::int AS mails FROM notifications`);

    for (const [index, choice] of FIRST.entries()) await vote(delegates[index], application.id, choice);
    for (const [index, choice] of Object.entries(CHANGED)) await vote(delegates[Number(index)], application.id, choice!);
    await vote(delegates[12], application.id, 'no');
    await vote(delegates[12], application.id, 'no');

    // Every view of the applicant and of delegates, voter or not, reads exactly as before any cast.
    const after = await readAll(readers, application.id, session.id);
    expect(Object.keys(after).filter((key) => after[key] !== before[key])).toEqual([]);
    expect(Object.keys(after)).toHaveLength(24);
    // No e-mail tells anyone of a cast.
    const [{ mails: mailsAfter }] = await api.dataSource.query(`SELECT count(*)::int AS mails FROM notifications`);
    expect(mailsAfter).toBe(mailsBefore);

    // The Secretariat sees the turnout, and a cast entry per cast: one action for a first cast and a change,
    // never the choice, and a new commitment every time (the same government repeating the same choice too).
    const live = await resultOf(application.id, secretariat);
    expect(live.turnout).toEqual({ voters: 70, ballots: 13 });
    const history = (await api.http().get(`/applications/${application.id}/history`).set(bearer(secretariat)).expect(200)).body as {
      action: string;
      payload: { commitment: string };
    }[];
    const casts = history.filter((entry) => entry.action.startsWith('ballot.'));
    expect(casts.map((entry) => entry.action)).toEqual(Array(19).fill('ballot.cast'));
    expect(casts.every((entry) => !CHOICE_VALUE.test(JSON.stringify(entry)))).toBe(true);
    const issued = [...receipts.values()].flat().map((receipt) => receipt.commitment);
    expect(new Set(casts.map((entry) => entry.payload.commitment))).toEqual(new Set(issued));
    expect(new Set(issued).size).toBe(19);

    // While open the server does hold each choice (the time docs/voting.md states): the check below finds it.
    rollIds = memberIds;
    expect(linksIn((await everyRow()).texts, rollIds).length).toBeGreaterThan(0);
  });

  it('writes receipts whose commitment is SHA-256 of the layout docs/voting.md gives', () => {
    for (const receipt of [...receipts.values()].flat()) {
      expect(receipt.nonce).toMatch(/^[0-9a-f]{64}$/);
      expect(commitmentPerDocs(receipt)).toBe(receipt.commitment);
    }
  });

  it("closes a written procedure's secret ballot in the worker at its deadline", async () => {
    const created = await api
      .http()
      .post('/assemblies')
      .set(bearer(secretariat))
      .send({
        body: 'written_procedure',
        number: nextSessionNumber(),
        deadline: new Date(Date.now() + 30_000).toISOString(),
        ballotSecrecy: 'secret',
      })
      .expect(201);
    const { application, applicant } = await anApplicationOnTheAgenda(api, secretariat, created.body);
    procedure = { application, applicant };
    await act(api, secretariat, application, 'open-ballot').expect(200);
    const answers: Choice[] = ['yes', 'yes', 'no', 'yes', 'abstain', 'yes', 'no', 'yes', 'yes', 'no', 'yes', 'yes', 'yes', 'yes'];
    // Forty of the seventy answer: more than half, the quorum of a written procedure.
    for (const [index, choice] of answers.entries()) await vote(delegates[index], application.id, choice);
    for (const delegate of delegates.slice(14, 40)) await vote(delegate, application.id, 'yes');
    await waitFor(
      async () => {
        const state = (await api.http().get(`/applications/${application.id}`).set(bearer(secretariat)).expect(200)).body.state;
        return state === 'approved' || state === 'rejected' ? state : undefined;
      },
      60_000,
      'the worker to close the written procedure',
    );
    const result = await resultOf(application.id, procedure.applicant);
    expect(result).toMatchObject({ status: 'closed', outcome: 'approved', tally: { voters: 70, present: 40, yes: 36, no: 3, abstain: 1 } });
  }, 240_000);

  it('after the close keeps no link between a government and its choice anywhere, with the tally unchanged', async () => {
    const closed = await act(api, secretariat, meeting.application, 'close-ballot').expect(200);
    const count = (choice: Choice) => FIRST.filter((_, index) => finalChoice(index) === choice).length + (choice === 'no' ? 1 : 0);
    const tally = { voters: 70, present: 40, yes: count('yes'), no: count('no'), abstain: count('abstain') };
    expect(tally).toEqual({ voters: 70, present: 40, yes: 7, no: 4, abstain: 2 });
    expect(closed.body.state).toBe('approved');
    await integratedByWorker((sql) => api.dataSource.query(sql), 30_000);

    const { tables, texts } = await everyRow();
    expect(tables).toEqual(expect.arrayContaining(['ballots', 'votes', 'vote_roll', 'audit_events', 'log_leaves', 'notifications']));
    expect(linksIn([...texts, ...(await everyRedisValue()), ...logLines()], rollIds)).toEqual([]);

    // What stays: who cast, the counted commitments, the tally, the rule, the decision.
    const ballots: { government_id: string; choice: string | null; nonce: string | null; commitment: string }[] =
      await api.dataSource.query(
        `SELECT b.government_id, b.choice, b.nonce, b.commitment FROM ballots b JOIN votes v ON v.id = b.vote_id WHERE v.application_id = $1`,
        [meeting.application.id],
      );
    expect(ballots).toHaveLength(13);
    expect(ballots.every((row) => row.choice === null && row.nonce === null)).toBe(true);
    const [vote] = await api.dataSource.query(`SELECT seal_key, tally, outcome, ballot_secrecy FROM votes WHERE application_id = $1`, [
      meeting.application.id,
    ]);
    expect(vote).toEqual({ seal_key: null, tally, outcome: 'approved', ballot_secrecy: 'secret' });
    for (const reader of [meeting.applicant, delegates[3], secretariat]) {
      const result = await resultOf(meeting.application.id, reader);
      expect(result).toMatchObject({
        status: 'closed',
        outcome: 'approved',
        tally,
        decision: { quorum: { met: true }, majority: { met: true } },
      });
      expect(result).not.toHaveProperty('ballots');
    }
  }, 240_000);

  describe('checking receipts with log:verify', () => {
    let bundle: string;
    let verifier: string;
    const verify = (...args: string[]) => run(verifier, [bundle, ...args]);
    const receiptsIn = (voteId: string) =>
      [...receipts.entries()].map(([governmentId, all]) => ({ governmentId, all: all.filter((receipt) => receipt.voteId === voteId) }));

    beforeAll(async () => {
      await integratedByWorker((sql) => api.dataSource.query(sql), 30_000);
      bundle = join(work, 'bundle');
      const exported = await run(EXPORT_ENTRY, [bundle], { DATABASE_URL: database.url });
      if (exported.code !== 0) throw new Error(`log:export failed: ${exported.stderr}`);
      cpSync(resolve('dist/verifier'), join(work, 'verifier'), { recursive: true });
      verifier = join(work, 'verifier/apps/verifier/src/main.js');
    }, 60_000);

    const meetingVote = async () =>
      ((await api.dataSource.query(`SELECT id FROM votes WHERE application_id = $1`, [meeting.application.id])) as { id: string }[])[0].id;

    it('reports the last cast of each government counted', async () => {
      const voteId = await meetingVote();
      const lasts = receiptsIn(voteId)
        .filter(({ all }) => all.length > 0)
        .map(({ all }) => all.at(-1)!);
      expect(lasts).toHaveLength(13);
      const files = lasts.slice(0, 4).map((receipt, index) => saveReceipt(`last-${index}`, receipt));
      const result = await verify(...files.flatMap((file) => ['--receipt', file]));
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(/: VALID/);
      expect(result.stdout.match(/: COUNTED \(/g)).toHaveLength(4);
      expect(result.stdout).toMatch(/0 named ballots recounted[^;]*; 2 secret ballots' counted casts checked/);
    });

    it('reports a cast that was changed later as superseded, naming the later cast', async () => {
      const voteId = await meetingVote();
      const changedGovernment = delegates[5].governmentId!;
      const [first, later] = receipts.get(changedGovernment)!.filter((receipt) => receipt.voteId === voteId);
      expect([first.choice, later.choice]).toEqual(['no', 'yes']);
      const result = await verify('--receipt', saveReceipt('first', first));
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(new RegExp(`SUPERSEDED .*commitment ${later.commitment}, was counted instead`));
    });

    it('refuses a receipt whose choice was changed, and one the log never held', async () => {
      const voteId = await meetingVote();
      const last = receipts
        .get(delegates[2].governmentId!)!
        .filter((receipt) => receipt.voteId === voteId)
        .at(-1)!;
      expect(last.choice).toBe('yes');
      const forged = await verify('--receipt', saveReceipt('forged', { ...last, choice: 'no' }));
      expect(forged.code).toBe(1);
      expect(forged.stdout).toMatch(/INVALID: its commitment does not open/);

      const nonce = randomBytes(32).toString('hex');
      const invented = { ...last, nonce, commitment: commitmentPerDocs({ ...last, nonce }) };
      const unknown = await verify('--receipt', saveReceipt('invented', invented));
      expect(unknown.code).toBe(1);
      expect(unknown.stdout).toMatch(/INVALID: no cast in the log holds its commitment/);
    });

    it('verifies a receipt of the ballot the worker closed', async () => {
      const [{ id: voteId }] = await api.dataSource.query(`SELECT id FROM votes WHERE application_id = $1`, [procedure.application.id]);
      const last = receipts
        .get(delegates[4].governmentId!)!
        .filter((receipt) => receipt.voteId === voteId)
        .at(-1)!;
      const result = await verify('--receipt', saveReceipt('procedure', last));
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(/COUNTED .*counted it as abstain/);
    });
  });

  it('answers GET /log/receipts/{commitment} with the leaves, each proven in its signed checkpoint', async () => {
    const key = (await api.http().get('/log/key').expect(200)).text;
    const [{ id: voteId }] = await api.dataSource.query(`SELECT id FROM votes WHERE application_id = $1`, [meeting.application.id]);
    const last = receipts
      .get(delegates[0].governmentId!)!
      .filter((receipt) => receipt.voteId === voteId)
      .at(-1)!;
    const found = (await api.http().get(`/log/receipts/${last.commitment}`).expect(200)).body;
    for (const leaf of [found.cast, found.count]) {
      const checkpoint = readCheckpoint(openSignedNote(leaf.checkpoint, key));
      expect(checkpoint.size).toBe(leaf.size);
      const data = Buffer.from(leaf.data, 'base64');
      const proof = (leaf.proof as string[]).map((hash) => Buffer.from(hash, 'base64'));
      expect(verifyInclusion(leaf.index, leaf.size, hashLeaf(data), proof, checkpoint.root)).toBe(true);
    }
    const cast = JSON.parse(Buffer.from(found.cast.data, 'base64').toString('utf8'));
    expect(cast).toMatchObject({
      action: 'ballot.cast',
      payload: { voteId, governmentId: last.governmentId, commitment: last.commitment },
    });
    const count = JSON.parse(Buffer.from(found.count.data, 'base64').toString('utf8'));
    expect(count.action).toBe('application.close-ballot');
    const counted = count.payload.outcome.counted as { governmentId: string; commitment: string }[];
    expect(counted.map((item) => item.governmentId)).toEqual(counted.map((item) => item.governmentId).sort());
    expect(counted).toContainEqual({ governmentId: last.governmentId, commitment: last.commitment });

    await api
      .http()
      .get(`/log/receipts/${'0'.repeat(64)}`)
      .expect(404);
    await api.http().get(`/log/receipts/${last.commitment.toUpperCase()}`).expect(400);
  });

  it('recounts a named ballot from the log alone', async () => {
    const session = await aSession(api, secretariat, undefined, {
      body: 'working_committee',
      startsOn: '2027-05-10',
      endsOn: '2027-05-11',
      venue: 'Toyama',
    });
    await api.http().post(`/assemblies/${session.id}/open`).set(bearer(secretariat)).expect(200);
    await recordPresent(api, secretariat, session.id, memberIds.slice(0, 38)).expect(200);
    const { application } = await anApplicationOnTheAgenda(api, secretariat, session);
    await act(api, secretariat, application, 'open-ballot').expect(200);
    const choices: Choice[] = ['no', 'yes', 'yes', 'abstain', 'no', 'yes'];
    const cast = [];
    for (const [index, choice] of choices.entries()) cast.push(await vote(delegates[index], application.id, choice));
    const changed = await vote(delegates[4], application.id, 'yes');
    // One leaves the hall after voting: still counted present (the verifier replays the attendance).
    await recordPresent(api, secretariat, session.id, memberIds.slice(1, 38)).expect(200);
    await act(api, secretariat, application, 'close-ballot').expect(200);
    expect(await resultOf(application.id, delegates[9])).toMatchObject({
      tally: { voters: expect.any(Number), present: 38, yes: 4, no: 1, abstain: 1 },
    });
    await integratedByWorker((sql) => api.dataSource.query(sql), 30_000);

    const directory = join(work, 'bundle-named');
    expect(await run(EXPORT_ENTRY, [directory], { DATABASE_URL: database.url })).toMatchObject({ code: 0, stderr: '' });
    const result = await run(join(work, 'verifier/apps/verifier/src/main.js'), [
      directory,
      '--receipt',
      saveReceipt('named-changed', changed),
      '--receipt',
      saveReceipt('named-superseded', cast[4]),
    ]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(
      /1 named ballots recounted from their casts, roll and attendance; 2 secret ballots' counted casts checked/,
    );
    expect(result.stdout).toMatch(/COUNTED .*counted it as yes/);
    expect(result.stdout).toMatch(/SUPERSEDED/);
  }, 240_000);
});
