import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { sessionName } from '@near/admission';
import type { Session } from '@near/voting';

/** The UID of a session's event: stable for ever, so a calendar application replaces the event it holds. */
export const eventUidOf = (session: Pick<Session, 'id'>) => `session-${session.id}@near-admission`;

/** A day after an ISO date: an all-day event's DTEND is exclusive (RFC 5545 §3.6.1). */
function dayAfter(isoDate: string): Date {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

/**
 * The sessions as an iCalendar (RFC 5545), written by ical-generator: a meeting as an all-day event over its
 * days, at its venue; a written procedure as its deadline. SEQUENCE is the session's calendar_sequence, which
 * the database raises whenever its dates, venue or status change; a cancelled session's event is CANCELLED.
 */
export function sessionsCalendar(sessions: readonly Session[], now = new Date()): string {
  const calendar = ical({
    prodId: { company: 'NEAR', product: 'admission', language: 'EN' },
    name: 'NEAR sessions',
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const session of sessions) {
    const common = {
      id: eventUidOf(session),
      sequence: session.calendarSequence,
      stamp: now,
      lastModified: session.updatedAt,
      created: session.createdAt,
      // A cancelled session stays in the feed as cancelled, so that calendars holding it strike it out.
      status: session.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    };
    if (session.deadline) {
      calendar.createEvent({
        ...common,
        start: session.deadline,
        end: session.deadline,
        summary: `${sessionName(session)}: deadline`,
        description: 'Written procedure: ballots close by themselves at this moment.',
      });
    } else if (session.startsOn) {
      calendar.createEvent({
        ...common,
        allDay: true,
        start: new Date(`${session.startsOn}T00:00:00Z`),
        end: dayAfter(session.endsOn ?? session.startsOn),
        summary: sessionName(session),
        location: session.venue,
      });
    }
  }
  return calendar.toString();
}
