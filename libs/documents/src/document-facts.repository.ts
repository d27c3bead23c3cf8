import type { EntityManager } from 'typeorm';
import type { Locale } from '@near/common';
import type { Tally } from '@near/voting';

// What documents say, read from the records of the admission and voting libs at the time a document is made.
// Read-only: the tables stay those libs'; governments are listed in registry order (country, English name).

export interface GovernmentNames {
  nameEn: string;
  nameLocal: string;
  country: string;
}

export interface ApplicationFacts {
  id: string;
  reference: string;
  category: string;
  locale: Locale;
  submittedAt: Date;
  government: GovernmentNames;
  /** The applicant government's, when the registry knows it. */
  timeZone: string | null;
}

export interface SessionFacts {
  id: string;
  body: string;
  number: number;
  startsOn: string | null;
  endsOn: string | null;
  venue: string | null;
  deadline: Date | null;
  closedAt: Date | null;
  status: string;
  /** The host government's, when the session has a host whose zone the registry knows: where it met. */
  timeZone: string | null;
}

export interface RollEntry extends GovernmentNames {
  presentAtOpening: boolean;
  /** Only for a named ballot; null when the government cast none. */
  choice: string | null;
}

export interface DecisionFacts {
  voteId: string;
  application: ApplicationFacts;
  session: SessionFacts;
  quorum: string;
  majority: string;
  ballotSecrecy: string;
  openedAt: Date;
  closedAt: Date;
  outcome: 'approved' | 'rejected';
  tally: Tally;
  roll: RollEntry[];
}

const APPLICATION_COLUMNS = `
  a.id, a.reference, a.category, a.locale, a.submitted_at AS "submittedAt",
  jsonb_build_object('nameEn', g.name_en, 'nameLocal', g.name_local, 'country', g.country) AS government,
  g.time_zone AS "timeZone"`;

const SESSION_COLUMNS = `
  s.id, s.body, s.number, s.starts_on::text AS "startsOn", s.ends_on::text AS "endsOn", s.venue, s.deadline,
  s.closed_at AS "closedAt", s.status,
  (SELECT h.time_zone FROM governments h WHERE h.id = s.host_government_id) AS "timeZone"`;

export async function applicationFacts(db: EntityManager, applicationId: string): Promise<ApplicationFacts | undefined> {
  const [row] = (await db.query(
    `SELECT ${APPLICATION_COLUMNS} FROM applications a JOIN governments g ON g.id = a.government_id WHERE a.id = $1`,
    [applicationId],
  )) as ApplicationFacts[];
  return row;
}

/** A closed vote with its application, session and roll; undefined while it is open or void. */
export async function decisionFacts(db: EntityManager, voteId: string): Promise<DecisionFacts | undefined> {
  const [vote] = (await db.query(
    `SELECT v.id AS "voteId", v.application_id AS "applicationId", v.assembly_id AS "sessionId", v.quorum, v.majority,
            v.ballot_secrecy AS "ballotSecrecy", v.opened_at AS "openedAt", v.closed_at AS "closedAt", v.outcome, v.tally
     FROM votes v WHERE v.id = $1 AND v.status = 'closed'`,
    [voteId],
  )) as (Omit<DecisionFacts, 'application' | 'session' | 'roll'> & { applicationId: string; sessionId: string })[];
  if (!vote) return undefined;
  // One after another: `db` may be a transaction's single connection.
  const application = await applicationFacts(db, vote.applicationId);
  const session = await sessionFacts(db, vote.sessionId);
  const roll = (await db.query(
    `SELECT g.name_en AS "nameEn", g.name_local AS "nameLocal", g.country, r.present_at_opening AS "presentAtOpening",
              CASE WHEN $2 = 'named' THEN b.choice END AS choice
       FROM vote_roll r JOIN governments g ON g.id = r.government_id
       LEFT JOIN ballots b ON b.vote_id = r.vote_id AND b.government_id = r.government_id
       WHERE r.vote_id = $1
       ORDER BY g.country, g.name_en`,
    [voteId, vote.ballotSecrecy],
  )) as RollEntry[];
  const { applicationId: _application, sessionId: _session, ...rest } = vote;
  return { ...rest, application: application!, session: session!, roll };
}

export async function sessionFacts(db: EntityManager, sessionId: string): Promise<SessionFacts | undefined> {
  const [row] = (await db.query(`SELECT ${SESSION_COLUMNS} FROM assemblies s WHERE s.id = $1`, [sessionId])) as SessionFacts[];
  return row;
}

export interface MinutesFacts {
  session: SessionFacts;
  present: number;
  decisions: { application: ApplicationFacts; outcome: 'approved' | 'rejected'; tally: Tally; closedAt: Date }[];
}

/** A closed session and every ballot closed in it, in the order they closed. */
export async function minutesFacts(db: EntityManager, sessionId: string): Promise<MinutesFacts | undefined> {
  const session = await sessionFacts(db, sessionId);
  if (!session || session.status !== 'closed') return undefined;
  const [{ present }] = (await db.query(`SELECT count(*)::int AS present FROM session_attendance WHERE assembly_id = $1`, [sessionId])) as {
    present: number;
  }[];
  const decisions = (await db.query(
    `SELECT ${APPLICATION_COLUMNS}, v.outcome, v.tally, v.closed_at AS "closedAt"
     FROM votes v JOIN applications a ON a.id = v.application_id JOIN governments g ON g.id = a.government_id
     WHERE v.assembly_id = $1 AND v.status = 'closed'
     ORDER BY v.closed_at, a.reference`,
    [sessionId],
  )) as (ApplicationFacts & { outcome: 'approved' | 'rejected'; tally: Tally; closedAt: Date })[];
  return {
    session,
    present,
    decisions: decisions.map(({ outcome, tally, closedAt, ...application }) => ({ application, outcome, tally, closedAt })),
  };
}

/** The closed vote that approved the application, if one did. */
export async function approvingVoteOf(db: EntityManager, applicationId: string): Promise<string | undefined> {
  const [row] = (await db.query(
    `SELECT id FROM votes WHERE application_id = $1 AND status = 'closed' AND outcome = 'approved' ORDER BY closed_at DESC LIMIT 1`,
    [applicationId],
  )) as { id: string }[];
  return row?.id;
}

export interface PublicDecisionFacts {
  applicationId: string;
  reference: string;
  category: string;
  government: GovernmentNames;
  outcome: 'approved' | 'rejected';
  body: string;
  sessionNumber: number;
  decidedAt: Date;
}

/** The latest closed decision on the application with this reference (references are kept upper-case). */
export async function publicDecisionFacts(db: EntityManager, reference: string): Promise<PublicDecisionFacts | undefined> {
  const [row] = (await db.query(
    `SELECT a.id AS "applicationId", a.reference, a.category,
            jsonb_build_object('nameEn', g.name_en, 'nameLocal', g.name_local, 'country', g.country) AS government,
            v.outcome, s.body, s.number AS "sessionNumber", v.closed_at AS "decidedAt"
     FROM applications a
     JOIN governments g ON g.id = a.government_id
     JOIN votes v ON v.application_id = a.id AND v.status = 'closed'
     JOIN assemblies s ON s.id = v.assembly_id
     WHERE a.reference = upper($1)
     ORDER BY v.closed_at DESC LIMIT 1`,
    [reference],
  )) as PublicDecisionFacts[];
  return row;
}
