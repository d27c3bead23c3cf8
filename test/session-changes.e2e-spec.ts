import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { englishOrdinal } from '@near/common';
import { act, aProspectiveApplicant, aSession, fileApplication, nextSessionNumber } from './fixtures/applications.js';
import { bearer, type TestUser } from './fixtures/users.js';
import { anApplicationOnTheAgenda, aVotingHall } from './fixtures/voting.js';
import type { TestApp } from './utils/create-test-app.js';

/*
 * A scheduled meeting edited (PATCH /assemblies/:id, If-Match required) or cancelled
 * (POST /assemblies/:id/cancel, its agenda deferred back to eligible), and the words the Secretariat
 * finds records by: GET /applications?q= and the audit trail's names and reference filter (issue 17).
 */
describe('sessions edited and cancelled, records found by their words', () => {
  let api: TestApp;
  let secretariat: TestUser;
  let memberIds: string[];

  beforeAll(async () => {
    ({ api, secretariat, memberIds } = await aVotingHall(0));
  });
  afterAll(() => api.close());

  const patch = (id: string, body: object, ifMatch?: string) => {
    const request = api.http().patch(`/assemblies/${id}`).set(bearer(secretariat));
    return (ifMatch === undefined ? request : request.set('If-Match', ifMatch)).send(body);
  };
  const cancel = (id: string, body: object = {}, ifMatch?: string) => {
    const request = api.http().post(`/assemblies/${id}/cancel`).set(bearer(secretariat));
    return (ifMatch === undefined ? request : request.set('If-Match', ifMatch)).send(body);
  };
  const auditOf = (entityId: string): Promise<{ action: string; state_before: string; state_after: string; payload: string }[]> =>
    api.dataSource.query(`SELECT action, state_before, state_after, payload FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [
      entityId,
    ]);
  const noticesOf = (applicationId: string, event: string): Promise<{ recipient: string; data: string }[]> =>
    api.dataSource.query(`SELECT recipient, data FROM notifications WHERE application_id = $1 AND event = $2 ORDER BY created_at`, [
      applicationId,
      event,
    ]);
  const delegateCount = async () =>
    Number(
      (
        await api.dataSource.query(
          `SELECT count(*) AS n FROM users u JOIN governments g ON g.id = u.government_id
            WHERE u.role = 'delegate' AND g.status = 'member' AND u.disabled_at IS NULL`,
        )
      )[0].n,
    );

  describe('PATCH /assemblies/:id', () => {
    it('needs the version (428), refuses a stale one (412) and changes nothing then', async () => {
      const session = await aSession(api, secretariat);
      const read = await api.http().get(`/assemblies/${session.id}`).set(bearer(secretariat)).expect(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body.version).toBe(1);

      const missing = await patch(session.id, { venue: 'Niigata' }).expect(428);
      expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(missing.body).toMatchObject({ status: 428, type: 'urn:near:problem:session-version-required' });
      const stale = await patch(session.id, { venue: 'Niigata' }, '"7"').expect(412);
      expect(stale.body).toMatchObject({ status: 412, type: 'urn:near:problem:session-changed', currentVersion: 1 });
      await patch(session.id, { venue: 'Niigata' }, 'seven').expect(400);

      const after = await api.http().get(`/assemblies/${session.id}`).set(bearer(secretariat)).expect(200);
      expect(after.body).toMatchObject({ venue: 'Toyama City', version: 1 });
      expect((await auditOf(session.id)).map((entry) => entry.action)).toEqual(['assembly.scheduled']);
    });

    it('changes what it is given, audits each field before and after, and answers the new ETag', async () => {
      const session = await aSession(api, secretariat);
      const [toyama] = await api.dataSource.query(`SELECT id FROM governments WHERE name_en = 'Toyama'`);
      const host = memberIds.find((id) => id !== toyama.id)!;
      const response = await patch(
        session.id,
        { venue: '  Niigata Convention Center ', startsOn: '2027-10-04', endsOn: '2027-10-06', hostGovernmentId: host },
        '"1"',
      ).expect(200);
      expect(response.headers.etag).toBe('"2"');
      expect(response.body).toMatchObject({
        id: session.id,
        status: 'scheduled',
        venue: 'Niigata Convention Center',
        startsOn: '2027-10-04',
        endsOn: '2027-10-06',
        hostGovernmentId: host,
        version: 2,
      });
      const [, edited] = await auditOf(session.id);
      expect(edited).toMatchObject({ action: 'assembly.edited', state_before: 'scheduled', state_after: 'scheduled' });
      expect(JSON.parse(edited.payload).changes).toEqual({
        venue: { before: 'Toyama City', after: 'Niigata Convention Center' },
        startsOn: { before: '2027-09-15', after: '2027-10-04' },
        endsOn: { before: '2027-09-17', after: '2027-10-06' },
        hostGovernmentId: { before: toyama.id, after: host },
      });

      // The same values again change nothing and record nothing.
      await patch(session.id, { venue: 'Niigata Convention Center' }, '"2"').expect(200);
      expect(await auditOf(session.id)).toHaveLength(2);
    });

    it('tells those told of the agenda again when the dates change, and not for a change of rule', async () => {
      const session = await aSession(api, secretariat);
      const { application } = await anApplicationOnTheAgenda(api, secretariat, session);
      const first = await noticesOf(application.id, 'placed-on-agenda');
      expect(first.length).toBe(1 + (await delegateCount()));

      await patch(session.id, { quorum: 'two_thirds_present' }, '"1"').expect(200);
      expect(await noticesOf(application.id, 'placed-on-agenda')).toHaveLength(first.length);

      await patch(session.id, { startsOn: '2027-11-02', endsOn: '2027-11-03' }, '"2"').expect(200);
      const again = (await noticesOf(application.id, 'placed-on-agenda')).slice(first.length);
      expect(again.map((row) => row.recipient).sort()).toEqual(first.map((row) => row.recipient).sort());
      expect(JSON.parse(again[0].data).sessionWhen).toBe('2 November 2027 – 3 November 2027, Toyama City');
    });

    it('refuses what a scheduled meeting cannot become, and a session that is no longer scheduled', async () => {
      const session = await aSession(api, secretariat);
      const taken = await aSession(api, secretariat);
      const number = ((await api.http().get(`/assemblies/${taken.id}`).set(bearer(secretariat))).body as { number: number }).number;
      expect((await patch(session.id, { endsOn: '2027-09-01' }, '"1"').expect(422)).body.type).toBe(
        'urn:near:problem:invalid-session-dates',
      );
      expect((await patch(session.id, { hostGovernmentId: '00000000-0000-4000-8000-000000000000' }, '"1"').expect(422)).body.type).toBe(
        'urn:near:problem:unknown-host-government',
      );
      expect((await patch(session.id, { number }, '"1"').expect(409)).body.type).toBe('urn:near:problem:session-number-taken');
      await patch(session.id, { body: 'working_committee' }, '"1"').expect(400);
      await patch(session.id, { venue: '' }, '"1"').expect(400);
      await patch('00000000-0000-4000-8000-000000000000', { venue: 'Nowhere' }, '"1"').expect(404);

      await api.http().post(`/assemblies/${session.id}/open`).set(bearer(secretariat)).expect(200);
      const open = await patch(session.id, { venue: 'Elsewhere' }, '"2"').expect(409);
      expect(open.body).toMatchObject({ type: 'urn:near:problem:session-not-scheduled', currentStatus: 'in_session' });
    });
  });

  describe('POST /assemblies/:id/cancel', () => {
    it('cancels, sends each application on the agenda back to eligible with its e-mails, all audited', async () => {
      const session = await aSession(api, secretariat);
      const { application: first } = await anApplicationOnTheAgenda(api, secretariat, session);
      const { application: second } = await anApplicationOnTheAgenda(api, secretariat, session);
      const reason = 'The host cannot receive the Assembly on these dates.';

      const response = await cancel(session.id, { reason }, '"1"').expect(200);
      expect(response.body).toMatchObject({ status: 'cancelled', agenda: [], cancelledAt: expect.any(String) });
      for (const application of [first, second]) {
        const read = await api.http().get(`/applications/${application.id}`).set(bearer(secretariat)).expect(200);
        expect(read.body).toMatchObject({ state: 'eligible', session: null });
        expect(read.body.allowedActions).toContain('place-on-agenda');
        const entries = await auditOf(application.id);
        expect(entries.at(-1)).toMatchObject({ action: 'application.defer', state_before: 'on_agenda', state_after: 'eligible' });
        expect(JSON.parse(entries.at(-1)!.payload).input).toEqual({ reason });
        const deferred = await noticesOf(application.id, 'deferred');
        expect(deferred.length).toBe(1 + (await delegateCount()));
        expect(JSON.parse(deferred[0].data).reason).toBe(reason);
      }
      const entries = await auditOf(session.id);
      expect(entries.at(-1)).toMatchObject({ action: 'assembly.cancelled', state_before: 'scheduled', state_after: 'cancelled' });
      expect(JSON.parse(entries.at(-1)!.payload)).toMatchObject({ reason });

      // Final: no second cancel, no opening, no edit, and nothing placed on its agenda.
      expect((await cancel(session.id).expect(409)).body.type).toBe('urn:near:problem:session-not-scheduled');
      await api.http().post(`/assemblies/${session.id}/open`).set(bearer(secretariat)).expect(409);
      await patch(session.id, { venue: 'Elsewhere' }, '"2"').expect(409);
      const refused = await act(api, secretariat, first, 'place-on-agenda', { assemblyId: session.id }).expect(422);
      expect(refused.body.guard).toBe('session-accepts-agenda-items');
      const listed = await api.http().get('/assemblies?status=cancelled').set(bearer(secretariat)).expect(200);
      expect((listed.body as { id: string }[]).map((item) => item.id)).toContain(session.id);
    });

    it('says the session was cancelled when no reason is given, and frees its number', async () => {
      const number = nextSessionNumber();
      const session = await aSession(api, secretariat, number);
      const { application } = await anApplicationOnTheAgenda(api, secretariat, session);
      await cancel(session.id).expect(200);
      const [deferred] = await noticesOf(application.id, 'deferred');
      // The record's reason in English; the session, for each e-mail to say it in its reader's language.
      expect(JSON.parse(deferred.data)).toMatchObject({
        reason: `The ${englishOrdinal(number)} General Assembly was cancelled.`,
        cancelledSession: { body: 'general_assembly', number },
      });
      // The Assembly held instead keeps the number.
      await aSession(api, secretariat, number);
    });

    it('refuses a stale version and a session in progress, changing nothing', async () => {
      const session = await aSession(api, secretariat);
      const { application } = await anApplicationOnTheAgenda(api, secretariat, session);
      await patch(session.id, { venue: 'Kanazawa' }, '"1"').expect(200);
      const stale = await cancel(session.id, {}, '"1"').expect(412);
      expect(stale.body.type).toBe('urn:near:problem:session-changed');
      const read = await api.http().get(`/applications/${application.id}`).set(bearer(secretariat)).expect(200);
      expect(read.body.state).toBe('on_agenda');
      await cancel(session.id, { reason: '' }).expect(400);
      await cancel(session.id, { reason: 'x', extra: true }).expect(400);

      const { session: inProgress } = await anApplicationOnTheAgenda(api, secretariat);
      expect((await cancel(inProgress.id).expect(409)).body).toMatchObject({ currentStatus: 'in_session' });
      await cancel('00000000-0000-4000-8000-000000000000').expect(404);
    });
  });

  describe('GET /applications?q=', () => {
    it("finds by reference or the government's English or local name, in any case, a page at a time", async () => {
      const tag = `Qz${Date.now().toString(36)}`;
      const filed = [];
      for (let index = 0; index < 3; index += 1) {
        const applicant = await aProspectiveApplicant(api);
        await api.dataSource.query(`UPDATE governments SET name_en = $1, name_local = $2 WHERE id = $3`, [
          `${tag} Province ${index}`,
          `測試${tag}省${index}`,
          applicant.governmentId,
        ]);
        filed.push({ applicant, application: await fileApplication(api, applicant) });
      }
      const find = async (q: string, extra = '') =>
        (
          await api
            .http()
            .get(`/applications?q=${encodeURIComponent(q)}${extra}`)
            .set(bearer(secretariat))
            .expect(200)
        ).body as {
          items: { id: string; reference: string }[];
          nextCursor: string | null;
        };

      expect((await find(tag.toLowerCase())).items.map((item) => item.id)).toEqual(filed.map((entry) => entry.application.id).reverse());
      expect((await find(`省1`)).items.map((item) => item.id)).toContain(filed[1].application.id);
      expect((await find(`測試${tag}省2`)).items.map((item) => item.id)).toEqual([filed[2].application.id]);
      const reference = filed[0].application.reference;
      expect((await find(reference.toLowerCase())).items.map((item) => item.id)).toEqual([filed[0].application.id]);

      const firstPage = await find(tag, '&limit=2');
      expect(firstPage.items).toHaveLength(2);
      const secondPage = await find(tag, `&limit=2&cursor=${firstPage.nextCursor}`);
      expect(secondPage).toEqual({ items: [expect.objectContaining({ id: filed[0].application.id })], nextCursor: null });

      // Wildcards are text, and an applicant finds only its own government's.
      expect((await find('%')).items).toEqual([]);
      expect((await find('_')).items).toEqual([]);
      const own = await api.http().get(`/applications?q=${tag}`).set(bearer(filed[1].applicant)).expect(200);
      expect((own.body.items as { id: string }[]).map((item) => item.id)).toEqual([filed[1].application.id]);
      await api
        .http()
        .get(`/applications?q=${'x'.repeat(201)}`)
        .set(bearer(secretariat))
        .expect(400);
      await api.http().get('/applications?q=a&q=b').set(bearer(secretariat)).expect(400);
    });
  });

  describe('GET /audit-events', () => {
    it('names users, governments, applications and sessions, and filters by reference as by id', async () => {
      const session = await aSession(api, secretariat);
      const { application, applicant } = await anApplicationOnTheAgenda(api, secretariat, session);
      const [{ name_en: governmentName }] = await api.dataSource.query(`SELECT name_en FROM governments WHERE id = $1`, [
        applicant.governmentId,
      ]);
      const page = (query: string) =>
        api
          .http()
          .get(`/audit-events?${query}`)
          .set(bearer(secretariat))
          .expect(200)
          .then((response) => response.body.items as Record<string, unknown>[]);

      const byReference = await page(`reference=${application.reference.toLowerCase()}`);
      expect(byReference.map((entry) => entry.action)).toEqual([
        'application.submitted',
        'application.start-review',
        'application.eligibility-recorded',
        'application.declare-eligible',
        'application.place-on-agenda',
      ]);
      expect(byReference[0]).toMatchObject({
        entityName: application.reference,
        actorName: 'Test applicant',
        actorGovernmentName: governmentName,
        entitySession: null,
      });
      expect(byReference[1]).toMatchObject({ actorName: 'Test secretariat', actorGovernmentName: null });
      expect(await page(`applicationId=${application.id}`)).toEqual(byReference);
      expect(await page(`applicationId=${application.id}&reference=${application.reference}`)).toEqual(byReference);
      expect(await page(`applicationId=${session.id}&reference=${application.reference}`)).toEqual([]);
      expect(await page('reference=NEAR-1999-0001')).toEqual([]);
      await api.http().get('/audit-events?reference=1999-0001').set(bearer(secretariat)).expect(400);

      const number = ((await api.http().get(`/assemblies/${session.id}`).set(bearer(secretariat))).body as { number: number }).number;
      const scheduled = (await page('action=assembly.scheduled')).find((entry) => entry.entityId === session.id);
      expect(scheduled).toMatchObject({ entitySession: { body: 'general_assembly', number }, entityName: null });
    });
  });
});
