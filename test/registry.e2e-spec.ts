import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';

interface GovernmentBody {
  id: string;
  nameEn: string;
  nameLocal: string;
  country: string;
  level: string;
  kind: string | null;
  status: string;
  timeZone: string | null;
}

describe('the member registry', () => {
  let api: TestApp;
  let delegate: TestUser;
  let secretariat: TestUser;

  beforeAll(async () => {
    api = await createTestApp();
    delegate = await aUser(api, 'delegate', { government: 'Gyeongsangbuk-do' });
    secretariat = await aUser(api, 'secretariat');
  });
  afterAll(() => api.close());

  const list = async (query = ''): Promise<GovernmentBody[]> =>
    (await api.http().get(`/governments${query}`).set(bearer(delegate)).expect(200)).body;

  it('lists exactly the 70 members and 5 observers of the brochure, members in 6 countries', async () => {
    const members = await list('?status=member');
    const observers = await list('?status=observer');
    expect(members).toHaveLength(70);
    expect(observers.map((g) => g.nameEn).sort()).toEqual(['Liaoning', 'Shaanxi', 'Shanxi', 'Tianjin', 'Yamaguchi']);
    const perCountry = Object.fromEntries(
      ['CN', 'JP', 'KR', 'KP', 'MN', 'RU'].map((c) => [c, members.filter((g) => g.country === c).length]),
    );
    expect(perCountry).toEqual({ CN: 6, JP: 10, KR: 15, KP: 2, MN: 22, RU: 15 });
    expect(await list()).toHaveLength(75);
  });

  it('shows each government in English and in its own language', async () => {
    const mongolia = await list('?country=mn');
    expect(mongolia.find((g) => g.nameEn === 'Bayan-Ölgii')).toMatchObject({
      nameLocal: 'Баян-Өлгий аймаг',
      kind: 'Aimag',
      level: 'regional',
    });
    const [gyeongbuk] = (await list('?country=KR')).filter((g) => g.nameEn === 'Gyeongsangbuk-do');
    const one = await api.http().get(`/governments/${gyeongbuk.id}`).set(bearer(delegate)).expect(200);
    expect(one.body).toMatchObject({ nameEn: 'Gyeongsangbuk-do', nameLocal: '경상북도', country: 'KR', status: 'member' });
  });

  it('answers 404 for a government that does not exist', async () => {
    const response = await api.http().get('/governments/00000000-0000-4000-8000-000000000000').set(bearer(delegate)).expect(404);
    expect(response.body.type).toBe('urn:near:problem:government-not-found');
  });

  it('registers a prospective government for a future applicant, once', async () => {
    const body = { nameEn: 'Jilin', nameLocal: '吉林省', country: 'cn', level: 'regional', kind: 'Province' };
    const created = await api.http().post('/governments').set(bearer(secretariat)).send(body).expect(201);
    expect(created.body).toMatchObject({ nameEn: 'Jilin', country: 'CN', status: 'prospective', memberSince: null });
    expect(created.headers.location).toBe(`/governments/${created.body.id}`);
    expect((await list('?status=prospective')).map((g) => g.nameEn)).toEqual(['Jilin']);

    const [entry] = await api.dataSource.query(`SELECT * FROM audit_events WHERE action = 'government.registered' AND entity_id = $1`, [
      created.body.id,
    ]);
    expect(entry).toMatchObject({ actor_user_id: secretariat.id, state_after: 'prospective' });

    const again = await api
      .http()
      .post('/governments')
      .set(bearer(secretariat))
      .send({ ...body, nameEn: 'JILIN' })
      .expect(409);
    expect(again.body).toMatchObject({ type: 'urn:near:problem:government-already-registered', governmentId: created.body.id });
  });

  it('registers a local government such as Pohang City, level local', async () => {
    const created = await api
      .http()
      .post('/governments')
      .set(bearer(secretariat))
      .send({ nameEn: 'Pohang City', nameLocal: '포항시', country: 'KR', level: 'local', kind: 'City' })
      .expect(201);
    expect(created.body).toMatchObject({ level: 'local', status: 'prospective' });
  });

  it("keeps each government's time zone: the country's where it has one, else the one given, else none", async () => {
    const register = (body: object) =>
      api
        .http()
        .post('/governments')
        .set(bearer(secretariat))
        .send({ level: 'regional', ...body });
    const yanbian = await register({ nameEn: 'Yanbian', nameLocal: '延边朝鲜族自治州', country: 'CN' }).expect(201);
    expect(yanbian.body.timeZone).toBe('Asia/Shanghai');
    const chukotka = await register({
      nameEn: 'Chukotka',
      nameLocal: 'Чукотский автономный округ',
      country: 'RU',
      timeZone: 'asia/anadyr',
    }).expect(201);
    expect(chukotka.body.timeZone).toBe('Asia/Anadyr');
    const tyumen = await register({ nameEn: 'Tyumen Oblast', nameLocal: 'Тюменская область', country: 'RU' }).expect(201);
    expect(tyumen.body.timeZone).toBeNull();
    for (const timeZone of ['+09:00', 'Asia/Atlantis', '', 9]) {
      const refused = await register({ nameEn: 'Omsk Oblast', nameLocal: 'Омская область', country: 'RU', timeZone }).expect(400);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['timeZone']);
    }
    // The registry's Russian and Mongolian members have their capitals' zones; the Secretariat corrects one as it must.
    const members = await list('?status=member');
    expect(members.find((g) => g.nameEn === 'Primorsky Krai')?.timeZone).toBe('Asia/Vladivostok');
    expect(members.find((g) => g.nameEn === 'Khovd')?.timeZone).toBe('Asia/Hovd');
    expect(members.find((g) => g.nameEn === 'Dornod')?.timeZone).toBe('Asia/Ulaanbaatar');
    expect(members.filter((g) => g.timeZone === null)).toEqual([]);
    const corrected = await api
      .http()
      .patch(`/governments/${tyumen.body.id}`)
      .set(bearer(secretariat))
      .send({ timeZone: 'Asia/Yekaterinburg' })
      .expect(200);
    expect(corrected.body.timeZone).toBe('Asia/Yekaterinburg');
    const [entry] = await api.dataSource.query(
      `SELECT payload FROM audit_events WHERE action = 'government.corrected' AND entity_id = $1`,
      [tyumen.body.id],
    );
    expect(JSON.parse(entry.payload)).toEqual({ timeZone: { before: null, after: 'Asia/Yekaterinburg' } });
    const cleared = await api.http().patch(`/governments/${tyumen.body.id}`).set(bearer(secretariat)).send({ timeZone: null }).expect(200);
    expect(cleared.body.timeZone).toBeNull();
  });

  it('refuses a country that is not an ISO 3166 code and a level it does not know', async () => {
    const response = await api
      .http()
      .post('/governments')
      .set(bearer(secretariat))
      .send({ nameEn: 'Atlantis', nameLocal: 'Atlantis', country: 'ZZ', level: 'national' })
      .expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['country', 'level']);
  });

  describe('correcting a government', () => {
    const register = async (nameEn: string) =>
      (
        await api
          .http()
          .post('/governments')
          .set(bearer(secretariat))
          .send({ nameEn, nameLocal: 'Provisional', country: 'CN', level: 'local' })
          .expect(201)
      ).body as GovernmentBody;

    it('corrects the names and level under If-Match, gives the new ETag and audits each change in the same transaction', async () => {
      const government = await register('Jillin');
      const read = await api.http().get(`/governments/${government.id}`).set(bearer(secretariat)).expect(200);
      expect(read.headers.etag).toBe(`"${read.body.version}"`);

      const corrected = await api
        .http()
        .patch(`/governments/${government.id}`)
        .set(bearer(secretariat))
        .set('If-Match', read.headers.etag)
        .send({ nameEn: 'Jilin Province', nameLocal: '吉林省', level: 'regional' })
        .expect(200);
      expect(corrected.body).toMatchObject({
        nameEn: 'Jilin Province',
        nameLocal: '吉林省',
        level: 'regional',
        version: read.body.version + 1,
      });
      expect(corrected.headers.etag).toBe(`"${read.body.version + 1}"`);

      const entries = await api.dataSource.query(`SELECT * FROM audit_events WHERE action = 'government.corrected' AND entity_id = $1`, [
        government.id,
      ]);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actor_user_id: secretariat.id, state_before: 'prospective', state_after: 'prospective' });
      expect(JSON.parse(entries[0].payload)).toEqual({
        nameEn: { before: 'Jillin', after: 'Jilin Province' },
        nameLocal: { before: 'Provisional', after: '吉林省' },
        level: { before: 'local', after: 'regional' },
      });
    });

    it('refuses a stale If-Match with 412 and changes nothing', async () => {
      const government = await register('Heilongjiang Forestry');
      const { headers } = await api.http().get(`/governments/${government.id}`).set(bearer(secretariat)).expect(200);
      await api
        .http()
        .patch(`/governments/${government.id}`)
        .set(bearer(secretariat))
        .set('If-Match', headers.etag)
        .send({ nameLocal: '一' })
        .expect(200);

      const stale = await api
        .http()
        .patch(`/governments/${government.id}`)
        .set(bearer(secretariat))
        .set('If-Match', headers.etag)
        .send({ nameLocal: '二' })
        .expect(412);
      expect(stale.body.type).toBe('urn:near:problem:government-changed');
      const now = await api.http().get(`/governments/${government.id}`).set(bearer(secretariat)).expect(200);
      expect(now.body.nameLocal).toBe('一');
      const [{ count }] = await api.dataSource.query(
        `SELECT count(*)::int AS count FROM audit_events WHERE action = 'government.corrected' AND entity_id = $1`,
        [government.id],
      );
      expect(count).toBe(1);
    });

    it('records nothing for a correction that changes nothing, and refuses a name another government has', async () => {
      const government = await register('Hebei');
      const same = await api.http().patch(`/governments/${government.id}`).set(bearer(secretariat)).send({ nameEn: 'Hebei' }).expect(200);
      expect(same.body.version).toBe((await api.http().get(`/governments/${government.id}`).set(bearer(secretariat))).body.version);
      const [{ count }] = await api.dataSource.query(
        `SELECT count(*)::int AS count FROM audit_events WHERE action = 'government.corrected' AND entity_id = $1`,
        [government.id],
      );
      expect(count).toBe(0);

      const taken = await api
        .http()
        .patch(`/governments/${government.id}`)
        .set(bearer(secretariat))
        .send({ nameEn: 'liaoning' })
        .expect(409);
      expect(taken.body.type).toBe('urn:near:problem:government-already-registered');
    });

    it('refuses an empty name, an unknown level and a malformed If-Match', async () => {
      const government = await register('Anhui');
      const invalid = await api
        .http()
        .patch(`/governments/${government.id}`)
        .set(bearer(secretariat))
        .send({ nameEn: '  ', level: 'national' })
        .expect(400);
      expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['level', 'nameEn']);
      await api.http().patch(`/governments/${government.id}`).set(bearer(secretariat)).set('If-Match', 'yesterday').send({}).expect(400);
    });
  });
});
