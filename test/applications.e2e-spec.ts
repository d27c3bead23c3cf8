import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { act, aProspectiveApplicant, aSession, ALL_CRITERIA_PASSED, applicationInput, fileApplication } from './fixtures/applications.js';
import { aUser, bearer, governmentId, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';
import { integrateLog } from './utils/integrate-log.js';
import { waitFor } from './utils/spawn-app.js';

describe('the admission workflow over HTTP', () => {
  let api: TestApp;
  let secretariat: TestUser;
  let liaoningApplicant: TestUser;
  let delegate: TestUser;

  beforeAll(async () => {
    api = await createTestApp();
    secretariat = await aUser(api, 'secretariat');
    liaoningApplicant = await aUser(api, 'applicant', { government: 'Liaoning' });
    delegate = await aUser(api, 'delegate', { government: 'Toyama' });
  });
  afterAll(() => api.close());

  async function allPages(user: TestUser, filter: string): Promise<{ id: string; allowedActions: string[] }[]> {
    const items = [];
    for (let cursor = ''; ;) {
      const page = await api.http().get(`/applications?${filter}limit=100${cursor}`).set(bearer(user)).expect(200);
      items.push(...page.body.items);
      if (!page.body.nextCursor) return items;
      cursor = `&cursor=${page.body.nextCursor}`;
    }
  }

  it('walks submitted → under_review → information_requested → under_review → eligible → on_agenda', async () => {
    const filed = await fileApplication(api, liaoningApplicant);
    expect(filed).toMatchObject({
      state: 'submitted',
      version: 1,
      category: 'member',
      government: { nameEn: 'Liaoning', nameLocal: '辽宁省' },
    });
    expect(filed.reference).toMatch(new RegExp(`^NEAR-${new Date().getUTCFullYear()}-\\d{4}$`));
    expect(filed.allowedActions).toEqual(['withdraw']);
    expect((filed.eligibility as { criteria: { passed: null }[] }).criteria).toHaveLength(6);
    expect((filed.eligibility as { criteria: { passed: null }[] }).criteria.every((c) => c.passed === null)).toBe(true);

    const underReview = await act(api, secretariat, filed, 'start-review').expect(200);
    expect(underReview.body).toMatchObject({
      state: 'under_review',
      version: 2,
      allowedActions: ['request-information', 'declare-eligible', 'declare-ineligible'],
    });
    expect(underReview.headers.etag).toBe('"2"');

    await act(api, secretariat, filed, 'request-information', { message: 'Please send the letter signed by the governor.' }).expect(200);
    const asked = await api.http().get(`/applications/${filed.id}`).set(bearer(liaoningApplicant)).expect(200);
    expect(asked.body).toMatchObject({ state: 'information_requested', allowedActions: ['respond', 'withdraw'] });
    expect(asked.body.messages).toEqual([
      {
        kind: 'information-request',
        body: 'Please send the letter signed by the governor.',
        createdAt: expect.any(String),
        attachmentIds: [],
      },
    ]);

    const answered = await act(api, liaoningApplicant, filed, 'respond', {
      message: 'The letter is attached; the head of government changed in May.',
      headOfGovernment: 'Hao Peng',
    }).expect(200);
    expect(answered.body).toMatchObject({ state: 'under_review', headOfGovernment: 'Hao Peng' });

    const refused = await act(api, secretariat, filed, 'declare-eligible').expect(422);
    expect(refused.body).toMatchObject({ type: 'urn:near:problem:guard-failed', guard: 'every-criterion-passed' });

    const recorded = await api
      .http()
      .put(`/applications/${filed.id}/eligibility`)
      .set(bearer(secretariat))
      .send(ALL_CRITERIA_PASSED)
      .expect(200);
    expect(recorded.body.eligibility.criteria.every((c: { passed: boolean }) => c.passed)).toBe(true);
    await act(api, secretariat, filed, 'declare-eligible').expect(200);

    const session = await aSession(api, secretariat);
    const placed = await act(api, secretariat, filed, 'place-on-agenda', { assemblyId: session.id }).expect(200);
    expect(placed.body).toMatchObject({
      state: 'on_agenda',
      assemblyId: session.id,
      session: { id: session.id, body: 'general_assembly', status: 'scheduled' },
    });

    const agenda = await api.http().get(`/assemblies/${session.id}`).set(bearer(delegate)).expect(200);
    expect(agenda.body.agenda).toEqual([
      expect.objectContaining({ applicationId: filed.id, reference: filed.reference, state: 'on_agenda' }),
    ]);

    const history = await api.http().get(`/applications/${filed.id}/history`).set(bearer(liaoningApplicant)).expect(200);
    expect(history.body.map((entry: { action: string }) => entry.action)).toEqual([
      'application.submitted',
      'application.start-review',
      'application.request-information',
      'application.respond',
      'application.eligibility-recorded',
      'application.declare-eligible',
      'application.place-on-agenda',
    ]);
    // The applicant learns which role acted, not which officer, nor from where.
    expect(history.body[1]).toMatchObject({
      stateBefore: 'submitted',
      stateAfter: 'under_review',
      actorRole: 'secretariat',
      actorUserId: null,
      clientAddress: null,
    });
    const full = await api.http().get(`/applications/${filed.id}/history`).set(bearer(secretariat)).expect(200);
    expect(full.body[1]).toMatchObject({ actorUserId: secretariat.id, clientAddress: expect.stringContaining('127.0.0.1') });
  });

  it('ends in ineligible, with the reasons, and then refuses every action', async () => {
    const applicant = await aProspectiveApplicant(api, 'US');
    const filed = await fileApplication(api, applicant, { category: 'associate' });
    await act(api, secretariat, filed, 'start-review').expect(200);
    const ineligible = await act(api, secretariat, filed, 'declare-ineligible', { reasons: 'Not located in Asia.' }).expect(200);
    expect(ineligible.body).toMatchObject({ state: 'ineligible', ineligibilityReasons: 'Not located in Asia.', allowedActions: [] });
    expect(ineligible.body.decidedAt).not.toBeNull();
    const late = await act(api, applicant, filed, 'withdraw', { reason: 'Too late.' }).expect(409);
    expect(late.body).toMatchObject({
      type: 'urn:near:problem:action-not-allowed-in-state',
      currentState: 'ineligible',
      allowedActions: [],
    });
  });

  it('lets the applicant withdraw before the decision, with a reason', async () => {
    const applicant = await aProspectiveApplicant(api);
    const filed = await fileApplication(api, applicant);
    await act(api, secretariat, filed, 'start-review').expect(200);
    const withdrawn = await act(api, applicant, filed, 'withdraw', { reason: 'The governor wants to apply next year.' }).expect(200);
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', withdrawalReason: 'The governor wants to apply next year.' });
    // Once it is final, the government may file again.
    await fileApplication(api, applicant);
  });

  it('answers every refused action with the status that says why', async () => {
    const applicant = await aProspectiveApplicant(api);
    const filed = await fileApplication(api, applicant);
    const wrongState = await act(api, secretariat, filed, 'declare-eligible').expect(409);
    expect(wrongState.body).toMatchObject({ currentState: 'submitted', allowedActions: ['start-review'] });
    expect((await act(api, applicant, filed, 'start-review')).status).toBe(403);
    expect((await act(api, liaoningApplicant, filed, 'withdraw', { reason: 'x' })).status).toBe(404);
    expect((await act(api, secretariat, filed, 'approve')).status).toBe(404);
    expect((await act(api, secretariat, filed, 'start-review', { note: 'extra' })).status).toBe(400);
    await act(api, secretariat, filed, 'start-review').expect(200);
    expect((await act(api, secretariat, filed, 'request-information', {})).status).toBe(400);
    expect((await act(api, secretariat, filed, 'place-on-agenda', { assemblyId: '00000000-0000-4000-8000-000000000000' })).status).toBe(
      409,
    );
    const unchanged = await api.http().get(`/applications/${filed.id}`).set(bearer(secretariat)).expect(200);
    expect(unchanged.body).toMatchObject({ state: 'under_review', version: 2 });
  });

  it('refuses a stale If-Match with 412 and accepts the current one', async () => {
    const applicant = await aProspectiveApplicant(api);
    const filed = await fileApplication(api, applicant);
    const stale = await api
      .http()
      .post(`/applications/${filed.id}/actions/start-review`)
      .set(bearer(secretariat))
      .set('If-Match', '"7"')
      .send({})
      .expect(412);
    expect(stale.body).toMatchObject({ type: 'urn:near:problem:version-mismatch', currentVersion: 1 });
    await api
      .http()
      .post(`/applications/${filed.id}/actions/start-review`)
      .set(bearer(secretariat))
      .set('If-Match', '"1"')
      .send({})
      .expect(200);
  });

  it('lets exactly one of 20 concurrent conflicting actions win', async () => {
    const applicant = await aProspectiveApplicant(api);
    const filed = await fileApplication(api, applicant);
    const answers = await Promise.all(Array.from({ length: 20 }, () => act(api, secretariat, filed, 'start-review')));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(19);
    const after = await api.http().get(`/applications/${filed.id}`).set(bearer(secretariat)).expect(200);
    expect(after.body).toMatchObject({ state: 'under_review', version: 2 });
    const history = await api.http().get(`/applications/${filed.id}/history`).set(bearer(secretariat)).expect(200);
    expect(history.body.filter((entry: { action: string }) => entry.action === 'application.start-review')).toHaveLength(1);
  });

  it('lets exactly one of two officers with the same version win when they act differently, and keeps nothing of the other', async () => {
    const applicant = await aProspectiveApplicant(api);
    const filed = await fileApplication(api, applicant);
    await act(api, secretariat, filed, 'start-review').expect(200);
    // The row held elsewhere until both have read it and wait to write it: the loser sends its message, audit entry
    // and e-mail with its UPDATE before it learns it has lost.
    const holder = api.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`SELECT 1 FROM applications WHERE id = $1 FOR UPDATE`, [filed.id]);
    const racing = Promise.all([
      api
        .http()
        .post(`/applications/${filed.id}/actions/request-information`)
        .set(bearer(secretariat))
        .set('If-Match', '"2"')
        .send({ message: 'More?' }),
      api
        .http()
        .post(`/applications/${filed.id}/actions/declare-ineligible`)
        .set(bearer(secretariat))
        .set('If-Match', '"2"')
        .send({ reasons: 'No.' }),
    ]);
    const waiting = async () => {
      const [{ n }] = await holder.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return n >= 2 ? true : undefined;
    };
    await waitFor(waiting, 10_000, 'both officers waiting to write');
    await holder.rollbackTransaction();
    await holder.release();
    const [ask, refuse] = await racing;
    expect([ask.status, refuse.status].sort()).toEqual([200, 412]);
    const won = ask.status === 200 ? 'request-information' : 'declare-ineligible';
    const history = await api.http().get(`/applications/${filed.id}/history`).set(bearer(secretariat)).expect(200);
    const actions = history.body.map((entry: { action: string }) => entry.action);
    expect(actions.filter((action: string) => /request-information|declare-ineligible/.test(action))).toEqual([`application.${won}`]);
    const [{ messages }] = await api.dataSource.query(
      `SELECT count(*)::int AS messages FROM application_messages WHERE application_id = $1`,
      [filed.id],
    );
    expect(messages).toBe(won === 'request-information' ? 1 : 0);
    const mail: { event: string }[] = await api.dataSource.query(
      `SELECT DISTINCT event FROM notifications WHERE application_id = $1 AND event IN ('information-requested', 'declared-ineligible')`,
      [filed.id],
    );
    expect(mail.map((row) => row.event)).toEqual([won === 'request-information' ? 'information-requested' : 'declared-ineligible']);
  });

  describe('filing', () => {
    it('files once for an Idempotency-Key, however often the request is repeated', async () => {
      const applicant = await aProspectiveApplicant(api);
      const input = applicationInput(applicant.governmentId);
      const send = () => api.http().post('/applications').set(bearer(applicant)).set('Idempotency-Key', 'filing-1').send(input);
      const answers = await Promise.all([send(), send(), send()]);
      expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
      expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
      expect(answers[0].headers.location).toBe(`/applications/${answers[0].body.id}`);
      const [{ count }] = await api.dataSource.query(`SELECT count(*)::int AS count FROM applications WHERE government_id = $1`, [
        applicant.governmentId,
      ]);
      expect(count).toBe(1);
      const different = await api
        .http()
        .post('/applications')
        .set(bearer(applicant))
        .set('Idempotency-Key', 'filing-1')
        .send({ ...input, headOfGovernment: 'Someone else' });
      expect(different.status).toBe(422);
    });

    it('refuses a second application while one is in progress', async () => {
      const applicant = await aProspectiveApplicant(api);
      const first = await fileApplication(api, applicant);
      const second = await api
        .http()
        .post('/applications')
        .set(bearer(applicant))
        .send(applicationInput(applicant.governmentId))
        .expect(409);
      expect(second.body).toMatchObject({ type: 'urn:near:problem:application-in-progress', reference: first.reference });
    });

    it('files only for the government the applicant acts for, and never for a member', async () => {
      const applicant = await aProspectiveApplicant(api);
      await api
        .http()
        .post('/applications')
        .set(bearer(applicant))
        .send(applicationInput(await governmentId(api.dataSource, 'Liaoning')))
        .expect(403);
      const [member] = await api.dataSource.query(`SELECT id FROM governments WHERE name_en = 'Hyogo'`);
      await api.dataSource.query(`UPDATE governments SET status = 'member' WHERE id = $1`, [applicant.governmentId]);
      const refused = await api
        .http()
        .post('/applications')
        .set(bearer(applicant))
        .send(applicationInput(applicant.governmentId))
        .expect(422);
      expect(refused.body.type).toBe('urn:near:problem:government-cannot-apply');
      expect(member.id).toBeDefined();
    });

    it('names every invalid field, nested ones by their path', async () => {
      const response = await api
        .http()
        .post('/applications')
        .set(bearer(liaoningApplicant))
        .send({ governmentId: 'x', category: 'emperor', contact: { email: 'nope' } })
        .expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'category',
        'contact.email',
        'contact.name',
        'governmentId',
        'headOfGovernment',
        'statementOfPurpose',
      ]);
    });
  });

  describe('who sees what', () => {
    it('shows an applicant its own applications only, and answers 404 for another government’s', async () => {
      const other = await aProspectiveApplicant(api);
      const theirs = await fileApplication(api, other);
      await api.http().get(`/applications/${theirs.id}`).set(bearer(liaoningApplicant)).expect(404);
      await api.http().get(`/applications/${theirs.id}/history`).set(bearer(liaoningApplicant)).expect(404);
      const mine = await api.http().get('/applications?limit=100').set(bearer(liaoningApplicant)).expect(200);
      expect(mine.body.items.length).toBeGreaterThan(0);
      expect(mine.body.items.every((item: { government: { nameEn: string } }) => item.government.nameEn === 'Liaoning')).toBe(true);
    });

    it('shows a delegate only what is on an agenda, and the admin nothing', async () => {
      const listed = await api.http().get('/applications?limit=100').set(bearer(delegate)).expect(200);
      expect(listed.body.items.length).toBeGreaterThan(0);
      expect(listed.body.items.every((item: { assemblyId: string | null }) => item.assemblyId !== null)).toBe(true);
      const admin = await aUser(api, 'admin');
      await api.http().get('/applications').set(bearer(admin)).expect(403);
    });

    it('answers many reads arriving at once (read together) each with its own application, or 404 where not visible', async () => {
      const ids: string[] = (await api.dataSource.query(`SELECT id FROM applications ORDER BY list_position LIMIT 30`)).map(
        (row: { id: string }) => row.id,
      );
      const missing = '00000000-0000-4000-8000-000000000000';
      const asked = [...ids, missing, ...ids];
      const [forSecretariat, forApplicant] = await Promise.all(
        [secretariat, liaoningApplicant].map((user) =>
          Promise.all(asked.map((id) => api.http().get(`/applications/${id}`).set(bearer(user)))),
        ),
      );
      expect(forSecretariat.map((answer) => answer.body.id ?? answer.status)).toEqual(asked.map((id) => (id === missing ? 404 : id)));
      const own = new Set(forApplicant.filter((answer) => answer.status === 200).map((answer) => answer.body.id));
      const expectedOwn: { id: string }[] = await api.dataSource.query(
        `SELECT id FROM applications WHERE government_id = $1 AND id = ANY($2::uuid[])`,
        [liaoningApplicant.governmentId, ids],
      );
      expect(own.size).toBeGreaterThan(0);
      expect(own).toEqual(new Set(expectedOwn.map((row) => row.id)));
      expect(forApplicant.filter((answer) => answer.status !== 200).every((answer) => answer.status === 404)).toBe(true);
    });

    it('pages newest first with a cursor that stays stable while others file', async () => {
      const applicants = await Promise.all(Array.from({ length: 5 }, () => aProspectiveApplicant(api, 'MN')));
      for (const applicant of applicants) await fileApplication(api, applicant);
      const first = await api.http().get('/applications?country=MN&limit=2').set(bearer(secretariat)).expect(200);
      expect(first.body.items).toHaveLength(2);
      await fileApplication(api, await aProspectiveApplicant(api, 'MN'));
      const second = await api
        .http()
        .get(`/applications?country=MN&limit=2&cursor=${first.body.nextCursor}`)
        .set(bearer(secretariat))
        .expect(200);
      const third = await api
        .http()
        .get(`/applications?country=MN&limit=2&cursor=${second.body.nextCursor}`)
        .set(bearer(secretariat))
        .expect(200);
      const seen = [...first.body.items, ...second.body.items, ...third.body.items].map((item: { id: string }) => item.id);
      expect(new Set(seen).size).toBe(5);
      expect(third.body.nextCursor).toBeNull();
      await api.http().get('/applications?cursor=bogus').set(bearer(secretariat)).expect(400);
    });

    it('filters by state and by session', async () => {
      const byState = await api.http().get('/applications?state=on_agenda').set(bearer(secretariat)).expect(200);
      expect(byState.body.items.every((item: { state: string }) => item.state === 'on_agenda')).toBe(true);
      const [{ assembly_id: assemblyId }] = await api.dataSource.query(
        `SELECT assembly_id FROM applications WHERE assembly_id IS NOT NULL LIMIT 1`,
      );
      const bySession = await api.http().get(`/applications?assemblyId=${assemblyId}`).set(bearer(secretariat)).expect(200);
      expect(bySession.body.items.map((item: { assemblyId: string }) => item.assemblyId)).toEqual(
        bySession.body.items.map(() => assemblyId),
      );
    });

    it('lists only what the caller can act on now with actionable=true, however many newer ones wait for others', async () => {
      const waiting = await fileApplication(api, await aProspectiveApplicant(api, 'KR'));
      // Newer than it: three the Secretariat has nothing to do with (withdrawn is final).
      for (let i = 0; i < 3; i++) {
        const applicant = await aProspectiveApplicant(api, 'KR');
        await act(api, applicant, await fileApplication(api, applicant), 'withdraw', { reason: 'Next year.' }).expect(200);
      }
      const first = await api.http().get('/applications?country=KR&actionable=true&limit=1').set(bearer(secretariat)).expect(200);
      expect(first.body.items).toMatchObject([{ id: waiting.id, state: 'submitted', allowedActions: ['start-review'] }]);

      const everything = await allPages(secretariat, '');
      const actionable = await allPages(secretariat, 'actionable=true&');
      expect(actionable.map((item) => item.id)).toEqual(everything.filter((item) => item.allowedActions.length > 0).map((item) => item.id));
      expect(actionable.length).toBeLessThan(everything.length);
      expect(await allPages(secretariat, 'actionable=false&')).toEqual(everything);

      const mine = await api.http().get('/applications?actionable=true').set(bearer(liaoningApplicant)).expect(200);
      expect(mine.body.items.every((item: { allowedActions: string[] }) => item.allowedActions.includes('withdraw'))).toBe(true);
      const bad = await api.http().get('/applications?actionable=yes').set(bearer(secretariat)).expect(400);
      expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  it('keeps the audit trail valid against the log through all of the above', async () => {
    await integrateLog(api.database.url);
    const verify = await api.http().get('/audit-events/verify').set(bearer(secretariat)).expect(200);
    expect(verify.body).toMatchObject({ valid: true });
    expect(verify.body.checked).toBeGreaterThan(20);
  });
});
