import { SUPPORTED_LOCALES } from '@near/common';
import { act, aProspectiveApplicant, aSession, type ApplicationBody, fileApplication } from '../fixtures/applications.js';
import { bearer, type TestUser } from '../fixtures/users.js';
import { anApplicationOnTheAgenda, recordPresent } from '../fixtures/voting.js';
import type { TestApp } from './create-test-app.js';

/*
 * Records in a given state, made through the API, for suites that try routes on real records: each call
 * makes a fresh government with its applicant, so that one test's writes cannot change another's answers.
 */

export interface Scene {
  applicant: TestUser & { governmentId: string };
  application: ApplicationBody;
}

/** The smallest valid PDF the letter check takes: it starts like one. */
export const A_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

export async function aFiledApplication(api: TestApp): Promise<Scene> {
  const applicant = (await aProspectiveApplicant(api)) as Scene['applicant'];
  return { applicant, application: await fileApplication(api, applicant) };
}

export async function anApplicationUnderReview(api: TestApp, secretariat: TestUser): Promise<Scene> {
  const scene = await aFiledApplication(api);
  await act(api, secretariat, scene.application, 'start-review').expect(200);
  return scene;
}

export async function anApplicationWithALetter(api: TestApp): Promise<Scene> {
  const scene = await aFiledApplication(api);
  await api
    .http()
    .put(`/applications/${scene.application.id}/letter`)
    .set(bearer(scene.applicant))
    .attach('file', A_PDF, { filename: 'letter.pdf', contentType: 'application/pdf' })
    .expect(200);
  return scene;
}

/** Filed, with one supporting document attached by its applicant. */
export async function anApplicationWithAnAttachment(api: TestApp): Promise<Scene & { attachmentId: string }> {
  const scene = await aFiledApplication(api);
  const { body } = await api
    .http()
    .post(`/applications/${scene.application.id}/attachments`)
    .set(bearer(scene.applicant))
    .field('title', 'Resolution of the provincial assembly')
    .attach('file', A_PDF, { filename: 'resolution.pdf', contentType: 'application/pdf' })
    .expect(201);
  return { ...scene, attachmentId: body.id as string };
}

export async function anApplicationOnAnAgenda(api: TestApp, secretariat: TestUser): Promise<Scene & { session: { id: string } }> {
  const { application, applicant, session } = await anApplicationOnTheAgenda(api, secretariat);
  return { applicant: applicant as Scene['applicant'], application, session };
}

/** On the agenda of a meeting every member attends, its ballot open (members must have paid up: everyMemberPaidUp). */
export async function anApplicationBeingVoted(
  api: TestApp,
  secretariat: TestUser,
  memberIds: string[],
): Promise<Scene & { session: { id: string } }> {
  const scene = await anApplicationOnAnAgenda(api, secretariat);
  await recordPresent(api, secretariat, scene.session.id, memberIds).expect(200);
  await act(api, secretariat, scene.application, 'open-ballot').expect(200);
  return scene;
}

/** Voted on by one delegate, yes, and counted. */
export async function aDecidedApplication(api: TestApp, secretariat: TestUser, memberIds: string[], delegate: TestUser): Promise<Scene> {
  const scene = await anApplicationBeingVoted(api, secretariat, memberIds);
  await api.http().put(`/applications/${scene.application.id}/ballot`).set(bearer(delegate)).send({ choice: 'yes' }).expect(200);
  await act(api, secretariat, scene.application, 'close-ballot').expect(200);
  return scene;
}

export async function aSessionInProgress(api: TestApp, secretariat: TestUser): Promise<{ id: string }> {
  const session = await aSession(api, secretariat);
  await api.http().post(`/assemblies/${session.id}/open`).set(bearer(secretariat)).expect(200);
  return session;
}

/** A notification the relay gave up on, as the worker leaves one after its last attempt. */
export async function aFailedNotification(api: TestApp): Promise<{ id: string }> {
  const [notification] = await api.dataSource.query(
    `INSERT INTO notifications (event, recipient, locale, data, status, attempts, last_error)
     VALUES ('placed-on-agenda', 'contact@test.example', 'en', '{}', 'failed', 8, '550 mailbox unavailable') RETURNING id`,
  );
  return notification as { id: string };
}

/**
 * A document as the worker stores one, for suites that run no worker: an application's acknowledgement, or a
 * closed session's minutes, in the languages given (a copy of A_PDF: these suites read no document's text).
 */
export async function aStoredDocument(
  api: TestApp,
  subject: { applicationId?: string; sessionId?: string },
  languages = ['en'],
): Promise<string> {
  const rows: { id: string }[] = await api.dataSource.query(
    `INSERT INTO documents (kind, application_id, assembly_id, language, sha256, content)
     SELECT $1, $2, $3, language, sha256($4), $4 FROM unnest($5::text[]) AS language RETURNING id`,
    [subject.sessionId ? 'minutes' : 'acknowledgement', subject.applicationId ?? null, subject.sessionId ?? null, A_PDF, languages],
  );
  return rows[0].id;
}

/** A session opened and closed with nothing on its agenda, its minutes stored in every language. */
export async function aClosedSessionWithMinutes(api: TestApp, secretariat: TestUser): Promise<string> {
  const session = await aSessionInProgress(api, secretariat);
  await api.http().post(`/assemblies/${session.id}/close`).set(bearer(secretariat)).expect(200);
  await aStoredDocument(api, { sessionId: session.id }, [...SUPPORTED_LOCALES]);
  return session.id;
}
