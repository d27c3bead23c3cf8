import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { act, aProspectiveApplicant, type ApplicationBody, fileApplication } from './fixtures/applications.js';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';

interface MessageBody {
  kind: string;
  body: string;
  createdAt: string;
}

/** A long correspondence does not weigh on reading the application: the latest messages come with it, the rest by page. */
describe('the correspondence of an application', () => {
  let api: TestApp;
  let secretariat: TestUser;
  let applicant: TestUser;
  let application: ApplicationBody;

  beforeAll(async () => {
    api = await createTestApp();
    secretariat = await aUser(api, 'secretariat');
    applicant = await aProspectiveApplicant(api);
    application = await fileApplication(api, applicant);
    await act(api, secretariat, application, 'start-review').expect(200);
    for (let round = 1; round <= 2; round++) {
      await act(api, secretariat, application, 'request-information', { message: `Question ${round}` }).expect(200);
      await act(api, applicant, application, 'respond', { message: `Answer ${round}` }).expect(200);
    }
    // 41 earlier ones, pairs sharing a time to the microsecond, straight into the table: the order must still be total.
    await api.dataSource.query(
      `INSERT INTO application_messages (application_id, kind, body, author_id, created_at)
       SELECT $1, 'response', 'Bulk ' || g, $2, now() - interval '1 hour' + (g / 2) * interval '1 second' FROM generate_series(1, 41) g`,
      [application.id, applicant.id],
    );
  });
  afterAll(() => api.close());

  it('comes with the application as its latest 5 messages, oldest first, saying there are earlier ones', async () => {
    const { body } = await api.http().get(`/applications/${application.id}`).set(bearer(applicant)).expect(200);
    expect(body.messages).toHaveLength(5);
    expect(body.earlierMessages).toBe(true);
    const times = body.messages.map((message: MessageBody) => message.createdAt);
    expect(times).toEqual([...times].sort());
    expect(body.messages.slice(-4).map((message: MessageBody) => message.body)).toEqual([
      'Question 1',
      'Answer 1',
      'Question 2',
      'Answer 2',
    ]);
    const answer = await act(api, secretariat, application, 'request-information', { message: 'One more question' }).expect(200);
    expect(answer.body.messages).toHaveLength(5);
  });

  it('is paged newest first, every message once, with a cursor that survives messages sharing a time', async () => {
    const seen: MessageBody[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const { body } = await api.http().get(`/applications/${application.id}/messages${query}`).set(bearer(secretariat)).expect(200);
      seen.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(46);
    expect(new Set(seen.map((message) => message.body)).size).toBe(46);
    expect(seen[0].body).toBe('One more question');
    expect(seen[seen.length - 1].body).toBe('Bulk 1');
    const times = seen.map((message) => message.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('refuses a cursor it did not give out, and hides another government’s correspondence', async () => {
    const bad = await api.http().get(`/applications/${application.id}/messages?cursor=abc`).set(bearer(secretariat)).expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    const stranger = await aProspectiveApplicant(api);
    await api.http().get(`/applications/${application.id}/messages`).set(bearer(stranger)).expect(404);
  });
});
