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

  it('refuses a country that is not an ISO 3166 code and a level it does not know', async () => {
    const response = await api
      .http()
      .post('/governments')
      .set(bearer(secretariat))
      .send({ nameEn: 'Atlantis', nameLocal: 'Atlantis', country: 'ZZ', level: 'national' })
      .expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['country', 'level']);
  });
});
