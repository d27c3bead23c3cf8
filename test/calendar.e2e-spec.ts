import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { englishOrdinal } from '@near/common';
import ICAL from 'ical.js';
import { aProspectiveApplicant, aSession } from './fixtures/applications.js';
import { memberDelegates } from './fixtures/voting.js';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';

interface ParsedEvent {
  uid: string;
  sequence: number;
  summary: string;
  location: string | null;
  start: string;
  end: string;
  allDay: boolean;
  status: string | null;
}

/** The events of a calendar as ical.js (an independent RFC 5545 parser) reads them. */
function eventsIn(text: string): Map<string, ParsedEvent> {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
  const events = new Map<string, ParsedEvent>();
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    expect(component.getFirstPropertyValue('dtstamp')).toBeTruthy();
    events.set(event.uid, {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      location: event.location ?? null,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
      status: (component.getFirstPropertyValue('status') as string | null) ?? null,
    });
  }
  return events;
}

describe('GET /calendar.ics', () => {
  let api: TestApp;
  let secretariat: TestUser;
  let delegate: TestUser;
  let applicant: TestUser;

  beforeAll(async () => {
    api = await createTestApp();
    secretariat = await aUser(api, 'secretariat');
    [delegate] = (await memberDelegates(api, 1)).delegates;
    applicant = await aProspectiveApplicant(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  const calendarOf = async (user: TestUser) => {
    const answer = await api.http().get('/calendar.ics').set(bearer(user)).expect(200);
    expect(answer.headers['content-type']).toMatch(/^text\/calendar/);
    return eventsIn(answer.text);
  };

  it('shows every session the caller may see, a meeting over its days and a written procedure at its deadline', async () => {
    const meeting = await aSession(api, secretariat, undefined, {
      body: 'general_assembly',
      startsOn: '2027-09-15',
      endsOn: '2027-09-17',
      venue: 'Pohang, Gyeongsangbuk-do',
    });
    const deadline = '2027-03-01T09:30:00.000Z';
    const written = await aSession(api, secretariat, undefined, {
      body: 'written_procedure',
      hostGovernmentId: undefined,
      startsOn: undefined,
      endsOn: undefined,
      venue: undefined,
      deadline,
    });

    const all: { id: string }[] = (await api.http().get('/assemblies').set(bearer(delegate)).expect(200)).body;
    for (const user of [secretariat, delegate, applicant]) {
      const events = await calendarOf(user);
      // The same sessions as GET /assemblies, one event each, none more.
      expect(new Set([...events.keys()])).toEqual(new Set(all.map((session) => `session-${session.id}@near-admission`)));
      const held = events.get(`session-${meeting.id}@near-admission`)!;
      expect(held).toMatchObject({
        summary: `${englishOrdinal(meeting.number)} General Assembly`,
        location: 'Pohang, Gyeongsangbuk-do',
        allDay: true,
        start: '2027-09-15',
        end: '2027-09-18',
        sequence: 0,
      });
      const closing = events.get(`session-${written.id}@near-admission`)!;
      expect(closing.summary).toBe(`${englishOrdinal(written.number)} written procedure: deadline`);
      expect(new Date(closing.start).toISOString()).toBe(deadline);
      expect(closing.allDay).toBe(false);
    }
    await api.http().get('/calendar.ics').expect(401);
  });

  it('updates an event when its session changes: the same UID, a higher SEQUENCE, the new dates', async () => {
    const meeting = await aSession(api, secretariat, undefined, {
      body: 'working_committee',
      startsOn: '2027-05-10',
      endsOn: '2027-05-11',
      venue: 'Toyama',
    });
    const uid = `session-${meeting.id}@near-admission`;
    const before = (await calendarOf(delegate)).get(uid)!;
    const { headers } = await api.http().get(`/assemblies/${meeting.id}`).set(bearer(secretariat)).expect(200);
    await api
      .http()
      .patch(`/assemblies/${meeting.id}`)
      .set(bearer(secretariat))
      .set('If-Match', headers.etag)
      .send({ startsOn: '2027-06-01', endsOn: '2027-06-03' })
      .expect(200);
    const moved = (await calendarOf(delegate)).get(uid)!;
    expect(moved.sequence).toBeGreaterThan(before.sequence);
    expect(moved).toMatchObject({ start: '2027-06-01', end: '2027-06-04', location: 'Toyama' });
    // Opening it is a change of what the calendar shows too; a change of something it does not show is not.
    await api.http().post(`/assemblies/${meeting.id}/open`).set(bearer(secretariat)).expect(200);
    const opened = (await calendarOf(delegate)).get(uid)!;
    expect(opened.sequence).toBeGreaterThan(moved.sequence);
    await api.dataSource.query(`UPDATE assemblies SET notes = 'minutes to follow' WHERE id = $1`, [meeting.id]);
    expect((await calendarOf(delegate)).get(uid)!.sequence).toBe(opened.sequence);
  });

  it('keeps a cancelled session as a cancelled event, with a higher SEQUENCE, so calendars strike it out', async () => {
    const meeting = await aSession(api, secretariat, undefined, {
      body: 'working_committee',
      startsOn: '2027-08-02',
      endsOn: '2027-08-03',
      venue: 'Busan',
    });
    const uid = `session-${meeting.id}@near-admission`;
    const before = (await calendarOf(delegate)).get(uid)!;
    expect(before.status).toBe('CONFIRMED');
    await api.http().post(`/assemblies/${meeting.id}/cancel`).set(bearer(secretariat)).send({ reason: 'The host withdrew.' }).expect(200);
    const after = (await calendarOf(delegate)).get(uid)!;
    expect(after).toMatchObject({ status: 'CANCELLED', start: before.start });
    expect(after.sequence).toBeGreaterThan(before.sequence);
  });

  it('serves the same calendar under a secret feed address without sign-in, until it is replaced or revoked', async () => {
    const issued = await api.http().get('/auth/calendar-link').set(bearer(delegate)).expect(200);
    expect(issued.headers['cache-control']).toBe('no-store');
    const address = new URL(issued.body.url as string);
    expect(address.pathname).toMatch(/^\/calendar\/feed\/[A-Za-z0-9_-]{43}$/);
    const token = address.pathname.split('/').pop()!;
    const fed = await api.http().get(address.pathname).expect(200);
    expect(fed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(new Set(eventsIn(fed.text).keys())).toEqual(new Set((await calendarOf(delegate)).keys()));
    // Stored hashed: the token itself is nowhere in the database.
    const [stored] = await api.dataSource.query(`SELECT encode(token_hash, 'hex') AS hash FROM calendar_links WHERE user_id = $1`, [
      delegate.id,
    ]);
    expect(stored.hash).toHaveLength(64);
    expect(JSON.stringify(await api.dataSource.query(`SELECT * FROM calendar_links`))).not.toContain(token);

    // A new address replaces the old one.
    const renewed = new URL((await api.http().get('/auth/calendar-link').set(bearer(delegate)).expect(200)).body.url as string);
    expect(renewed.pathname).not.toBe(address.pathname);
    const gone = await api.http().get(address.pathname).expect(404);
    expect(gone.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(gone.text).not.toContain(token);
    await api.http().get(renewed.pathname).expect(200);

    // Revoked: 404, and the answer never repeats the token.
    await api.http().delete('/auth/calendar-link').set(bearer(delegate)).expect(204);
    const revoked = await api.http().get(renewed.pathname).expect(404);
    expect(revoked.text).not.toContain(renewed.pathname.split('/').pop()!);
    await api.http().delete('/auth/calendar-link').set(bearer(delegate)).expect(204);
    await api.http().get('/auth/calendar-link').expect(401);
    await api.http().delete('/auth/calendar-link').expect(401);
    for (const guess of ['x', 'A'.repeat(43), `${token}A`]) await api.http().get(`/calendar/feed/${guess}`).expect(404);
  });
});
