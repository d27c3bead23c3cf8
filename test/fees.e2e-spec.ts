import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GovernmentsService } from '@near/registry';
import { aUser, bearer, governmentId, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';

// The rule depends on today's date: the records start two years back, so whatever the day, the years owed
// by a member that paid nothing are the two before this one, and this one too once 30 April has passed.
const today = new Date().toISOString().slice(0, 10);
const thisYear = Number(today.slice(0, 4));
const trackedFrom = thisYear - 2;
const lastYearDue = `${thisYear}-04-30` < today ? thisYear : thisYear - 1;
const yearsDue = Array.from({ length: lastYearDue - trackedFrom + 1 }, (_, index) => trackedFrom + index);
const plusDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface GovernmentBody {
  id: string;
  nameEn: string;
  status: string;
  mayVote: boolean;
  fees: { paidYears: number[]; owedYears: number[]; arrears: number };
  mayVoteReason: string;
}

describe('fee payments and voting rights', () => {
  let api: TestApp;
  let secretariat: TestUser;
  let delegate: TestUser;

  beforeAll(async () => {
    api = await createTestApp({ FEES_TRACKED_FROM: String(trackedFrom) });
    secretariat = await aUser(api, 'secretariat');
    delegate = await aUser(api, 'delegate', { government: 'Toyama' });
  });
  afterAll(() => api.close());

  const idOf = (nameEn: string) => governmentId(api.dataSource, nameEn);
  const pay = (id: string, body: object, user: TestUser = secretariat) =>
    api.http().put(`/governments/${id}/fees`).set(bearer(user)).send(body);
  const show = async (id: string): Promise<GovernmentBody> =>
    (await api.http().get(`/governments/${id}`).set(bearer(delegate)).expect(200)).body;
  const feeEntries = (id: string) =>
    api.dataSource.query(`SELECT * FROM audit_events WHERE action = 'government.fee-recorded' AND entity_id = $1 ORDER BY seq`, [id]);

  it('records a payment, answers with the government and its fees, and audits it', async () => {
    const id = await idOf('Gyeongsangbuk-do');
    const response = await pay(id, { year: trackedFrom, paidOn: `${trackedFrom}-04-15` }).expect(200);
    expect(response.body).toMatchObject({
      id,
      nameEn: 'Gyeongsangbuk-do',
      status: 'member',
      fees: { paidYears: [trackedFrom], owedYears: yearsDue.slice(1), arrears: yearsDue.length - 1 },
    });

    const entries = await feeEntries(id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor_user_id: secretariat.id, actor_role: 'secretariat', entity_type: 'government' });
    expect(JSON.parse(entries[0].payload)).toMatchObject({ year: trackedFrom, paidOn: `${trackedFrom}-04-15` });
    const [row] = await api.dataSource.query(`SELECT paid_on::text AS paid_on, recorded_by FROM fee_payments WHERE government_id = $1`, [
      id,
    ]);
    expect(row).toEqual({ paid_on: `${trackedFrom}-04-15`, recorded_by: secretariat.id });
  });

  it('accepts the same payment again without recording anything new', async () => {
    const id = await idOf('Busan');
    const first = await pay(id, { year: trackedFrom, paidOn: `${trackedFrom}-03-01` }).expect(200);
    const again = await pay(id, { year: trackedFrom, paidOn: `${trackedFrom}-03-01` }).expect(200);
    expect(again.body).toEqual(first.body);
    expect(await feeEntries(id)).toHaveLength(1);
  });

  it('refuses another date for a year already recorded, and keeps the recorded one', async () => {
    const id = await idOf('Daegu');
    await pay(id, { year: trackedFrom, paidOn: `${trackedFrom}-04-01` }).expect(200);
    const response = await pay(id, { year: trackedFrom, paidOn: `${trackedFrom}-04-02` }).expect(409);
    expect(response.body).toMatchObject({
      type: 'urn:near:problem:fee-already-recorded',
      year: trackedFrom,
      paidOn: `${trackedFrom}-04-01`,
    });
    const rows = await api.dataSource.query(`SELECT paid_on::text AS paid_on FROM fee_payments WHERE government_id = $1`, [id]);
    expect(rows).toEqual([{ paid_on: `${trackedFrom}-04-01` }]);
    expect(await feeEntries(id)).toHaveLength(1);
  });

  it('refuses a payment dated in the future', async () => {
    const id = await idOf('Incheon');
    const response = await pay(id, { year: thisYear, paidOn: plusDays(3) }).expect(422);
    expect(response.body.type).toBe('urn:near:problem:payment-date-in-future');
    expect(await feeEntries(id)).toHaveLength(0);
  });

  it('refuses a payment from an observer, which pays no fee', async () => {
    const id = await idOf('Liaoning');
    const response = await pay(id, { year: trackedFrom, paidOn: `${trackedFrom}-04-15` }).expect(422);
    expect(response.body).toMatchObject({ type: 'urn:near:problem:government-pays-no-fees', status: 422, governmentStatus: 'observer' });
    expect(await api.dataSource.query(`SELECT 1 FROM fee_payments WHERE government_id = $1`, [id])).toHaveLength(0);
  });

  it('answers 404 for a government that does not exist', async () => {
    const response = await pay('00000000-0000-4000-8000-000000000000', { year: trackedFrom, paidOn: `${trackedFrom}-04-15` }).expect(404);
    expect(response.body.type).toBe('urn:near:problem:government-not-found');
  });

  it('lets only the secretariat record a payment', async () => {
    const id = await idOf('Gwangju');
    const admin = await aUser(api, 'admin');
    for (const user of [delegate, admin]) {
      const response = await pay(id, { year: trackedFrom, paidOn: `${trackedFrom}-04-15` }, user).expect(403);
      expect(response.body.type).toBe('urn:near:problem:forbidden');
    }
    expect(await feeEntries(id)).toHaveLength(0);
  });

  it('refuses a year that is not a whole number and a date that does not exist', async () => {
    const id = await idOf('Gwangju');
    const response = await pay(id, { year: '2025', paidOn: `${trackedFrom}-02-30` }).expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['paidOn', 'year']);
    await pay(id, { year: 1995, paidOn: '1995-04-15' }).expect(400);
    await pay(id, { year: trackedFrom, paidOn: `${trackedFrom}-4-15` }).expect(400);
  });

  describe('arrears and the vote', () => {
    const payAllBut = async (nameEn: string, unpaid: number) => {
      const id = await idOf(nameEn);
      for (const year of yearsDue.slice(0, yearsDue.length - unpaid)) await pay(id, { year, paidOn: `${year}-04-15` }).expect(200);
      return id;
    };

    it('lets a member that is paid up vote', async () => {
      const body = await show(await payAllBut('Aomori', 0));
      expect(body).toMatchObject({ mayVote: true, fees: { paidYears: yearsDue, owedYears: [], arrears: 0 } });
    });

    it('lets a member one fiscal year in arrears still vote', async () => {
      const body = await show(await payAllBut('Yamagata', 1));
      expect(body).toMatchObject({ mayVote: true, fees: { owedYears: [lastYearDue], arrears: 1 } });
      expect(body.mayVoteReason).toMatch(/one fiscal year in arrears/);
    });

    it('takes the vote from a member with two unpaid years', async () => {
      const body = await show(await payAllBut('Niigata', 2));
      expect(body).toMatchObject({ mayVote: false, fees: { owedYears: yearsDue.slice(-2), arrears: 2 } });
      expect(body.mayVoteReason).toMatch(/2 fiscal years in arrears/);
    });

    it('never lets an observer vote, and shows it owing nothing', async () => {
      const body = await show(await idOf('Tianjin'));
      expect(body).toMatchObject({ status: 'observer', mayVote: false, fees: { paidYears: [], owedYears: [], arrears: 0 } });
    });

    it('shows whether each government may vote in the list, and the roll of voters agrees', async () => {
      const list: GovernmentBody[] = (await api.http().get('/governments').set(bearer(delegate)).expect(200)).body;
      const mayVote = list
        .filter((government) => government.mayVote)
        .map((government) => government.id)
        .sort();
      expect(mayVote).toEqual(expect.arrayContaining([await idOf('Aomori'), await idOf('Yamagata')]));
      expect(mayVote).not.toContain(await idOf('Niigata'));
      const voters = await api.app.get(GovernmentsService).votersOn(new Date());
      expect(voters.map((voter) => voter.id).sort()).toEqual(mayVote);
    });
  });
});

describe('fees in the demo data', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await createTestApp({ DEMO_DATA: 'true', FEES_TRACKED_FROM: String(trackedFrom) });
  });
  afterAll(() => api.close());

  it('has every member paid up except Khovd and Uvs, which may not vote', async () => {
    const secretariat = await aUser(api, 'secretariat');
    const members: GovernmentBody[] = (await api.http().get('/governments?status=member').set(bearer(secretariat)).expect(200)).body;
    expect(members.filter((member) => !member.mayVote).map((member) => member.nameEn)).toEqual(['Khovd', 'Uvs']);
    const uvs = (
      await api
        .http()
        .get(`/governments/${await governmentId(api.dataSource, 'Uvs')}`)
        .set(bearer(secretariat))
        .expect(200)
    ).body;
    expect(uvs.fees).toEqual({ paidYears: [], owedYears: yearsDue, arrears: yearsDue.length });
    const [paid] = await api.dataSource.query(`SELECT count(DISTINCT government_id)::int AS members, min(year) AS first FROM fee_payments`);
    expect(paid).toEqual({ members: members.length - 2, first: trackedFrom });
  });
});
