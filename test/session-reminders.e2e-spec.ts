import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { messageIdOf } from '@near/notifications';
import { QueueName } from '@near/queue';
import { act, nextSessionNumber } from './fixtures/applications.js';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { anApplicationOnTheAgenda, everyMemberPaidUp } from './fixtures/voting.js';
import { TEST_JWT_SECRET, createTestApp, type TestApp } from './utils/create-test-app.js';
import { Mailbox, type ReceivedMail } from './utils/mailbox.js';
import { arrivals } from './utils/outbox-rows.js';
import { PrivateRedis, hideOutagesOf } from './utils/private-redis.js';
import { spawnEntry, type SpawnedProcess, waitFor, WORKER_ENTRY } from './utils/spawn-app.js';
import { TEST_APP_URL } from './utils/e-mailed-link.js';

jest.setTimeout(240_000);

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

// What each language's reminder says in its subject line (libs/notifications/templates).
const REMINDER_SUBJECT: Record<string, RegExp> = {
  ko: /^\[안내\] .+ 투표 참여 요청$/,
  ja: /^【ご案内】.+の投票のお願い$/,
  en: /^Reminder: the \d+(st|nd|rd|th) written procedure awaits your government's vote$/,
  zh: /^【提醒】.+：贵地方政府尚未投票$/,
  ru: /^Напоминание: ожидается голос Вашего региона \(.+\)$/,
  mn: /^Сануулга: .+ — Танай орон нутгийн саналыг хүлээж байна$/,
};
const LOCALES = Object.keys(REMINDER_SUBJECT);
// The zones given to the governments of two delegates (Vladivostok keeps UTC+10 all year).
const ZONES: Record<string, string | null> = { ru: 'Asia/Vladivostok', en: null };
const hourAndMinute = (at: number) => new Date(at).toISOString().slice(11, 16);

describe('reminders of a written procedure', () => {
  const redis = new PrivateRedis();
  const mailbox = new Mailbox();
  const workers: SpawnedProcess[] = [];
  let api: TestApp;
  let queue: Queue;
  let secretariat: TestUser;
  let delegates: TestUser[];

  beforeAll(async () => {
    hideOutagesOf(redis);
    await redis.start();
    await mailbox.start();
    api = await createTestApp({ REDIS_URL: redis.url });
    queue = api.app.get<Queue>(getQueueToken(QueueName.Reminders));
    secretariat = await aUser(api, 'secretariat');
    await everyMemberPaidUp(api);
    const members: { id: string }[] = await api.dataSource.query(`SELECT id FROM governments WHERE status = 'member' ORDER BY name_en`);
    // One delegate in each language for the first members; the others are on the roll without a delegate.
    delegates = await Promise.all(LOCALES.map((locale, index) => aUser(api, 'delegate', { governmentId: members[index].id, locale })));
    // Deadlines are given in each government's time zone where the registry knows it, else in UTC.
    for (const [locale, timeZone] of Object.entries(ZONES)) {
      const governmentId = members[LOCALES.indexOf(locale)].id;
      await api.http().patch(`/governments/${governmentId}`).set(bearer(secretariat)).send({ timeZone }).expect(200);
    }
    for (let i = 0; i < 2; i += 1) {
      workers.push(
        spawnEntry(WORKER_ENTRY, {
          DATABASE_URL: api.config.database.url,
          REDIS_URL: redis.url,
          REDIS_PREFIX: api.config.redis.prefix,
          JWT_SECRET: TEST_JWT_SECRET,
          SMTP_URL: mailbox.url,
          NOTIFICATION_RELAY_INTERVAL_MS: '100',
          NOTIFICATION_BACKOFF_MS: '100',
          NOTIFICATION_REQUEUE_AFTER_SECONDS: '5',
          APP_URL: TEST_APP_URL,
        }),
      );
    }
    await waitFor(
      async () => {
        const died = workers.find((worker) => worker.child.exitCode !== null);
        if (died) throw new Error(`A worker stopped: ${died.stderr()}${died.stdout()}`);
        return (await queue.getWorkersCount()) >= 2 ? true : undefined;
      },
      60_000,
      'two workers',
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${workers.map((worker) => worker.stdout() + worker.stderr()).join('\n')}`);
    });
  });
  afterAll(async () => {
    await redis.start().catch(() => undefined);
    for (const worker of workers) worker.child.kill('SIGTERM');
    await Promise.all(workers.map((worker) => worker.exited));
    await api?.close();
    await redis.stop();
    await mailbox.stop();
    jest.restoreAllMocks();
  });

  /** The reminder e-mails that reached the mailbox, by recipient address. */
  async function remindersReceived(): Promise<Map<string, ReceivedMail[]>> {
    const rows: { id: string }[] = await api.dataSource.query(`SELECT id FROM notifications WHERE event = 'vote-reminder'`);
    const ids = new Set(rows.map((row) => messageIdOf(row.id)));
    const byAddress = new Map<string, ReceivedMail[]>();
    for (const mail of mailbox.received.filter((received) => ids.has(received.messageId))) {
      byAddress.set(mail.to, [...(byAddress.get(mail.to) ?? []), mail]);
    }
    return byAddress;
  }

  it('stores the reminders asked for, longest first, with the defaults of each body, and refuses what is not a duration', async () => {
    const post = (body: object) => api.http().post('/assemblies').set(bearer(secretariat)).send(body);
    const deadline = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const defaults = await post({ body: 'written_procedure', number: nextSessionNumber(), deadline }).expect(201);
    expect(defaults.body.reminders).toEqual(['PT72H', 'PT24H']);
    const chosen = await post({ body: 'written_procedure', number: nextSessionNumber(), deadline, reminders: ['PT1H', 'P2D'] }).expect(201);
    expect(chosen.body.reminders).toEqual(['P2D', 'PT1H']);
    expect((await api.http().get(`/assemblies/${chosen.body.id}`).set(bearer(secretariat)).expect(200)).body.reminders).toEqual([
      'P2D',
      'PT1H',
    ]);
    const none = await post({ body: 'written_procedure', number: nextSessionNumber(), deadline, reminders: [] }).expect(201);
    expect(none.body.reminders).toEqual([]);
    const [host] = await api.dataSource.query(`SELECT id FROM governments WHERE status = 'member' LIMIT 1`);
    const meeting = await post({
      body: 'working_committee',
      number: nextSessionNumber(),
      hostGovernmentId: host.id,
      startsOn: '2027-09-15',
      endsOn: '2027-09-16',
      venue: 'Pohang',
    }).expect(201);
    expect(meeting.body.reminders).toEqual(['P7D', 'P1D']);

    for (const reminders of [['P1M'], ['24 hours'], 'PT24H', [7], ['PT1.5H'], Array.from({ length: 11 }, (_, i) => `PT${i + 1}S`)]) {
      const refused = await post({ body: 'written_procedure', number: nextSessionNumber(), deadline, reminders }).expect(400);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    for (const reminders of [['PT24H', 'P1D'], ['PT0S'], ['P400D']]) {
      const refused = await post({ body: 'written_procedure', number: nextSessionNumber(), deadline, reminders }).expect(422);
      expect(refused.body.detail).toMatch(/reminder/i);
    }
  });

  it('reminds each government that has not voted at each offset, once, across two workers and a Redis that came back empty', async () => {
    const deadline = new Date(Date.now() + 60_000);
    const created = await api
      .http()
      .post('/assemblies')
      .set(bearer(secretariat))
      .send({ body: 'written_procedure', number: nextSessionNumber(), deadline: deadline.toISOString(), reminders: ['PT20S', 'PT10S'] })
      .expect(201);
    const procedure = created.body as { id: string; reminders: string[] };
    expect(procedure.reminders).toEqual(['PT20S', 'PT10S']);
    const { application } = await anApplicationOnTheAgenda(api, secretariat, procedure);
    await act(api, secretariat, application, 'open-ballot').expect(200);
    const [early, late, ...silent] = delegates;
    // One government votes at once: it is never reminded.
    await api.http().put(`/applications/${application.id}/ballot`).set(bearer(early)).send({ choice: 'yes' }).expect(200);

    // The first reminder, 20 s before the deadline, to every delegate whose government has not voted.
    const firstWave = await waitFor(
      async () => {
        const received = await remindersReceived();
        return [late, ...silent].every((delegate) => received.has(delegate.email)) ? received : undefined;
      },
      deadline.getTime() - Date.now(),
      'the first reminders',
    );
    expect(Date.now()).toBeGreaterThanOrEqual(deadline.getTime() - 20_000);
    expect(Date.now()).toBeLessThan(deadline.getTime() - 10_000);
    expect(firstWave.has(early.email)).toBe(false);
    // A government that votes after the first reminder gets no second one.
    await api.http().put(`/applications/${application.id}/ballot`).set(bearer(late)).send({ choice: 'no' }).expect(200);

    // Redis dies and comes back with nothing in it between the two reminders; both workers keep running.
    await redis.stop();
    await redis.start();

    await waitFor(
      async () => {
        const received = await remindersReceived();
        return silent.every((delegate) => received.get(delegate.email)?.length === 2) ? true : undefined;
      },
      deadline.getTime() - Date.now() + 5_000,
      'the second reminders',
    );
    const closed = await waitFor(
      async () => {
        const [row] = await api.dataSource.query(`SELECT status FROM assemblies WHERE id = $1`, [procedure.id]);
        return row.status === 'closed' ? true : undefined;
      },
      deadline.getTime() - Date.now() + 15_000,
      'the procedure to close',
    );
    expect(closed).toBe(true);
    // Longer than a reminder tick, a schedule check and the outbox's re-queue delay: a late or second copy would be here.
    await sleep(8_000);

    const received = await remindersReceived();
    expect(received.has(early.email)).toBe(false);
    expect(received.get(late.email)).toHaveLength(1);
    for (const delegate of silent) expect(received.get(delegate.email)).toHaveLength(2);
    // Each reminder arrived once, none after the close.
    const all = [...received.values()].flat();
    expect([...arrivals(all).values()].filter((count) => count > 1)).toEqual([]);
    const outbox: { recipient: string; count: number }[] = await api.dataSource.query(
      `SELECT recipient, count(*)::int AS count FROM notifications WHERE event = 'vote-reminder' GROUP BY recipient`,
    );
    expect(new Map(outbox.map((row) => [row.recipient, row.count]))).toEqual(
      new Map([[late.email, 1], ...silent.map((delegate) => [delegate.email, 2] as [string, number])]),
    );
    // Every government on the roll without a ballot was reminded twice, recorded once per reminder.
    const [counts] = await api.dataSource.query(
      `SELECT (SELECT count(*)::int FROM reminders_sent WHERE assembly_id = $1) AS sent,
              (SELECT count(*)::int FROM vote_roll r JOIN votes v ON v.id = r.vote_id WHERE v.assembly_id = $1) AS roll`,
      [procedure.id],
    );
    expect(counts.sent).toBe(2 * (counts.roll - 2) + 1);

    // In the recipient's language, naming the application it waits for.
    for (const [index, delegate] of delegates.entries()) {
      const locale = LOCALES[index];
      for (const mail of received.get(delegate.email) ?? []) {
        expect(mail.language).toBe(locale);
        expect(mail.subject).toMatch(REMINDER_SUBJECT[locale]);
        expect(mail.text).toContain(application.reference);
      }
    }
    expect(received.get(delegates[0 + 2].email)?.[0].text).toContain('has not yet voted');
    // The deadline in the time zone of the delegate's government, or in UTC said as such where none is known.
    const [russian, english] = ['ru', 'en'].map((locale) => received.get(delegates[LOCALES.indexOf(locale)].email)![0].text);
    expect(russian).toContain(`${hourAndMinute(deadline.getTime() + 10 * 3_600_000)} (Владивосток, стандартное время)`);
    expect(english).toContain(`${hourAndMinute(deadline.getTime())} UTC`);
  });

  it('reminds the delegates of every member before a meeting, with its agenda, once per reminder', async () => {
    // A meeting starts, for its reminders, at 00:00 UTC of its first day: tomorrow's, with a reminder due in 8 s.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const startsAt = Date.parse(`${tomorrow}T00:00:00Z`);
    const dueIn = Math.floor((startsAt - Date.now()) / 1000) - 8;
    const [host] = await api.dataSource.query(`SELECT id FROM governments WHERE status = 'member' LIMIT 1`);
    const created = await api
      .http()
      .post('/assemblies')
      .set(bearer(secretariat))
      .send({
        body: 'working_committee',
        number: nextSessionNumber(),
        hostGovernmentId: host.id,
        startsOn: tomorrow,
        endsOn: tomorrow,
        venue: 'Pohang',
        // The longer one's moment came before the meeting was scheduled: it is not sent late.
        reminders: [`PT${dueIn + 3600}S`, `PT${dueIn}S`],
      })
      .expect(201);
    const meeting = created.body as { id: string };
    const { application } = await anApplicationOnTheAgenda(api, secretariat, meeting);
    const meetingReminders = async () => {
      const rows: { id: string }[] = await api.dataSource.query(`SELECT id FROM notifications WHERE event = 'meeting-reminder'`);
      const ids = new Set(rows.map((row) => messageIdOf(row.id)));
      return mailbox.received.filter((mail) => ids.has(mail.messageId));
    };
    await waitFor(async () => ((await meetingReminders()).length >= delegates.length ? true : undefined), 30_000, 'the meeting reminders');
    await sleep(6_000);
    const received = await meetingReminders();
    expect(received.map((mail) => mail.to).sort()).toEqual(delegates.map((delegate) => delegate.email).sort());
    for (const [index, delegate] of delegates.entries()) {
      const mail = received.find((one) => one.to === delegate.email)!;
      expect(mail.language).toBe(LOCALES[index]);
      expect(mail.text).toContain(application.reference);
      expect(mail.text).toContain('Pohang');
      // The delegate's agenda, where the applications on it are read.
      expect(mail.text).toContain(`\n${TEST_APP_URL}/app/\n`);
    }
    expect(received.find((mail) => mail.to === delegates[2].email)!.subject).toMatch(
      /^Reminder: the \d+(st|nd|rd|th) Working Committee is coming up$/,
    );
    expect(received.find((mail) => mail.to === delegates[0].email)!.subject).toMatch(/^\[안내\] .+ 개최 안내$/);
    const [{ count }] = await api.dataSource.query(`SELECT count(*)::int AS count FROM reminders_sent WHERE assembly_id = $1`, [
      meeting.id,
    ]);
    const [{ members }] = await api.dataSource.query(`SELECT count(*)::int AS members FROM governments WHERE status = 'member'`);
    expect(count).toBe(members);
  });
});
