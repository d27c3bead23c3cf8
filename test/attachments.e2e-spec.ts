import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { act, ALL_CRITERIA_PASSED, aProspectiveApplicant, aSession, fileApplication } from './fixtures/applications.js';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { aVotingHall, type VotingHall } from './fixtures/voting.js';
import { A_PDF } from './utils/record-scenes.js';
import { asBuffer } from './utils/binary-body.js';

const PROBLEM_JSON = /^application\/problem\+json/;
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/**
 * Supporting documents (issue 17): the applicant attaches PDFs with a title while its application is reviewed,
 * sends them with an answer to a request for information, and whoever may read the application reads them.
 */
describe('attachments of an application', () => {
  let hall: VotingHall;
  let secretariat: TestUser;

  beforeAll(async () => {
    hall = await aVotingHall(1);
    secretariat = hall.secretariat;
  });
  afterAll(async () => {
    await hall?.api.close();
  });

  const attach = (user: TestUser, applicationId: string, title: string | undefined, content: Buffer = A_PDF) => {
    const request = hall.api.http().post(`/applications/${applicationId}/attachments`).set(bearer(user));
    if (title !== undefined) request.field('title', title);
    return request.attach('file', content, { filename: 'resolution.pdf', contentType: 'application/pdf' });
  };

  it('stores a PDF with its title, sends it with an answer, and serves it byte for byte to the Secretariat', async () => {
    const applicant = await aProspectiveApplicant(hall.api);
    const application = await fileApplication(hall.api, applicant);
    await act(hall.api, secretariat, application, 'start-review').expect(200);
    await act(hall.api, secretariat, application, 'request-information', { message: 'Please send the resolution.' }).expect(200);

    const created = await attach(applicant, application.id, ' Resolution of the provincial assembly ').expect(201);
    expect(created.body).toMatchObject({ title: 'Resolution of the provincial assembly', sha256: sha256(A_PDF), sizeBytes: A_PDF.length });
    expect(created.headers.location).toBe(`/applications/${application.id}/attachments/${created.body.id}`);

    await act(hall.api, applicant, application, 'respond', { message: 'Attached.', attachmentIds: [created.body.id] }).expect(200);
    const messages = await hall.api.http().get(`/applications/${application.id}/messages`).set(bearer(secretariat)).expect(200);
    expect(messages.body.items[0]).toMatchObject({ kind: 'response', body: 'Attached.', attachmentIds: [created.body.id] });

    // Just uploaded, no answer had sent it; the list says when the answer did.
    expect(created.body.sentAt).toBeNull();
    const listed = await hall.api.http().get(`/applications/${application.id}/attachments`).set(bearer(secretariat)).expect(200);
    expect(listed.body).toEqual([{ ...created.body, sentAt: messages.body.items[0].createdAt }]);
    const file = await hall.api
      .http()
      .get(`/applications/${application.id}/attachments/${created.body.id}`)
      .set(bearer(secretariat))
      .buffer(true)
      .parse(asBuffer)
      .expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(file.body as Buffer, A_PDF)).toBe(0);
    expect(file.headers['repr-digest']).toBe(`sha-256=:${createHash('sha256').update(A_PDF).digest('base64')}:`);

    // The trail says what was attached, and the answer names what it sent.
    const history = await hall.api.http().get(`/applications/${application.id}/history`).set(bearer(secretariat)).expect(200);
    const added = history.body.find((event: { action: string }) => event.action === 'application.attachment-added');
    expect(added.payload).toMatchObject({
      attachmentId: created.body.id,
      title: 'Resolution of the provincial assembly',
      sha256: sha256(A_PDF),
    });
    const answered = history.body.find((event: { action: string }) => event.action === 'application.respond');
    expect(answered.payload.input.attachmentIds).toEqual([created.body.id]);
  });

  it("refuses what is not a PDF, an empty title, another government and an answer naming a stranger's attachment", async () => {
    const applicant = await aProspectiveApplicant(hall.api);
    const application = await fileApplication(hall.api, applicant);
    const before = await hall.api.dataSource.query(`SELECT count(*)::int AS n FROM application_attachments`);

    const png = await attach(applicant, application.id, 'A photograph', Buffer.from('\x89PNG\r\n\x1a\n', 'latin1')).expect(415);
    expect(png.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(png.body.type).toMatch(/attachment-not-pdf$/);
    await attach(applicant, application.id, 'Nothing', Buffer.alloc(0)).expect(400);
    expect((await attach(applicant, application.id, '').expect(400)).body.type).toMatch(/validation/);
    await attach(applicant, application.id, '   ').expect(400);
    await attach(applicant, application.id, undefined).expect(400);
    // Another applicant does not see the application at all; the Secretariat does not attach in its place.
    await attach(await aProspectiveApplicant(hall.api), application.id, 'Mine').expect(404);
    await attach(secretariat, application.id, 'Ours').expect(403);
    expect(await hall.api.dataSource.query(`SELECT count(*)::int AS n FROM application_attachments`)).toEqual(before);

    // An answer may send only the application's own attachments.
    const other = await aProspectiveApplicant(hall.api);
    const otherApplication = await fileApplication(hall.api, other);
    const foreign = await attach(other, otherApplication.id, 'Theirs').expect(201);
    await act(hall.api, secretariat, application, 'start-review').expect(200);
    await act(hall.api, secretariat, application, 'request-information', { message: 'Please send the statute.' }).expect(200);
    const refused = await act(hall.api, applicant, application, 'respond', { message: 'Here.', attachmentIds: [foreign.body.id] }).expect(
      404,
    );
    expect(refused.body.type).toMatch(/attachment-not-found$/);
    const [{ state }] = await hall.api.dataSource.query(`SELECT state FROM applications WHERE id = $1`, [application.id]);
    expect(state).toBe('information_requested');
  });

  it('lets delegates read the attachments of an application on an agenda, and takes none once it is on one', async () => {
    const applicant = await aProspectiveApplicant(hall.api);
    const application = await fileApplication(hall.api, applicant);
    const created = await attach(applicant, application.id, 'Statute of the province').expect(201);
    const delegate = await aUser(hall.api, 'delegate', { governmentId: hall.memberIds[0] });
    // Not on an agenda yet: a delegate does not see the application, nor its documents.
    await hall.api.http().get(`/applications/${application.id}/attachments`).set(bearer(delegate)).expect(404);

    await act(hall.api, secretariat, application, 'start-review').expect(200);
    await hall.api.http().put(`/applications/${application.id}/eligibility`).set(bearer(secretariat)).send(ALL_CRITERIA_PASSED).expect(200);
    await act(hall.api, secretariat, application, 'declare-eligible').expect(200);
    const session = await aSession(hall.api, secretariat);
    await act(hall.api, secretariat, application, 'place-on-agenda', { assemblyId: session.id }).expect(200);

    expect((await attach(applicant, application.id, 'Too late').expect(409)).body.type).toMatch(/not-editable$/);
    const listed = await hall.api.http().get(`/applications/${application.id}/attachments`).set(bearer(delegate)).expect(200);
    expect(listed.body.map((attachment: { title: string }) => attachment.title)).toEqual(['Statute of the province']);
    const file = await hall.api
      .http()
      .get(`/applications/${application.id}/attachments/${created.body.id}`)
      .set(bearer(delegate))
      .buffer(true)
      .parse(asBuffer)
      .expect(200);
    expect(Buffer.compare(file.body as Buffer, A_PDF)).toBe(0);
    // An id that is no attachment of this application is not found, whoever asks.
    await hall.api.http().get(`/applications/${application.id}/attachments/${application.id}`).set(bearer(delegate)).expect(404);
  });

  it('keeps an attachment as uploaded: the database refuses to change or remove it', async () => {
    const applicant = await aProspectiveApplicant(hall.api);
    const application = await fileApplication(hall.api, applicant);
    const created = await attach(applicant, application.id, 'Statute').expect(201);
    await expect(
      hall.api.dataSource.query(`UPDATE application_attachments SET title = 'Forged' WHERE id = $1`, [created.body.id]),
    ).rejects.toThrow(/kept as uploaded/);
    await expect(hall.api.dataSource.query(`DELETE FROM application_attachments WHERE id = $1`, [created.body.id])).rejects.toThrow(
      /kept as uploaded/,
    );
  });
});
