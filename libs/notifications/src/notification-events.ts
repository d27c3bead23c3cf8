/**
 * A session as the e-mails about it need it, beside its English name, so that each language can word it
 * (`libs/notifications/src/phrases`). Absent from rows written before it existed.
 */
export interface SessionFacts {
  body: string;
  number: number;
  startsOn: string | null;
  endsOn: string | null;
  venue: string | null;
  /** ISO 8601, for a written procedure. */
  deadline: string | null;
}

/** A government's names and country, for each language to name it as its readers do. Absent from older rows. */
export interface GovernmentFacts {
  nameEn: string;
  nameLocal: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/** What an answer to a request for information corrected in the application, and the titles of what it sent. */
export interface CorrectionFacts {
  category?: string;
  headOfGovernment?: string;
  statementOfPurpose?: string;
  contact?: { name: string; email: string; phone?: string | null };
  attachments?: string[];
}

/** How a closed ballot was decided, beside the English explanation the vote records. */
export interface DecisionFacts {
  voters: number;
  abstain: number;
  quorum: { rule: string; met: boolean; required: number; actual: number };
  majority: { rule: string; met: boolean; required: number; yes: number; base: number };
}

/**
 * Every e-mail the system sends, and the data its templates may use. Templates are checked against this at boot.
 * A message about an application links its page, or with `page: 'agenda'` the reader's agenda (a delegate's copy
 * once the application has left the agenda, which delegates then no longer see).
 */
export interface NotificationData {
  'submission-acknowledged': { reference: string; governmentName: string; government?: GovernmentFacts; category: string };
  'submission-received': { reference: string; governmentName: string; government?: GovernmentFacts; category: string };
  'information-requested': { reference: string; governmentName: string; government?: GovernmentFacts; message: string };
  /**
   * To the contact of an application whose request for information is unanswered: `requestedOn` in English,
   * `requestedAt` (ISO 8601) for each language to word the date itself.
   */
  'information-reminder': {
    reference: string;
    governmentName: string;
    government?: GovernmentFacts;
    message: string;
    requestedOn: string;
    requestedAt?: string;
  };
  /** `corrections` in English ('' when the answer corrected and sent nothing), `corrected` for each language to word it. */
  'response-received': {
    reference: string;
    governmentName: string;
    government?: GovernmentFacts;
    message: string;
    corrections?: string;
    corrected?: CorrectionFacts;
  };
  'declared-eligible': { reference: string; governmentName: string; government?: GovernmentFacts };
  'declared-ineligible': { reference: string; governmentName: string; government?: GovernmentFacts; reasons: string };
  'placed-on-agenda': {
    reference: string;
    governmentName: string;
    government?: GovernmentFacts;
    sessionName: string;
    sessionWhen: string;
    session?: SessionFacts;
  };
  'ballot-opened': { reference: string; governmentName: string; government?: GovernmentFacts; sessionName: string; session?: SessionFacts };
  /** No longer sent (the decision tells the delegates the result): kept for rows written before. */
  'ballot-closed': {
    reference: string;
    governmentName: string;
    government?: GovernmentFacts;
    sessionName: string;
    outcome: string;
    session?: SessionFacts;
  };
  decision: {
    reference: string;
    governmentName: string;
    government?: GovernmentFacts;
    sessionName: string;
    outcome: string;
    explanation: string;
    session?: SessionFacts;
    decision?: DecisionFacts;
    /** `voted` for the delegates of a government whose ballot was counted: they are thanked, no one else is. */
    thanks?: 'voted' | '';
  };
  /** `cancelledSession`: the reason is that session's cancellation, which each language words itself. */
  deferred: { reference: string; governmentName: string; government?: GovernmentFacts; reason: string; cancelledSession?: SessionFacts };
  withdrawn: { reference: string; governmentName: string; government?: GovernmentFacts; reason: string };
  /** To the delegates of a government that has not voted in a written procedure yet; `applications` one per line. */
  'vote-reminder': { sessionName: string; sessionWhen: string; session?: SessionFacts; applications: string };
  /** To the delegates of every member before a meeting; `agenda` one application per line. */
  'meeting-reminder': { sessionName: string; sessionWhen: string; session?: SessionFacts; agenda: string };
  /** `link` is secret (it holds a single-use token): the row forgets it once the message is sent. */
  invitation: { name: string; link: string };
  'password-reset': { name: string; link: string };
  unlock: { name: string; link: string };
  'password-changed': { name: string };
  'second-factor-added': { name: string };
  'second-factor-removed': { name: string };
}

export type NotificationEvent = keyof NotificationData;
/** The e-mails about the recipient's own account (no application): its links and security notices. */
export type AccountNotificationEvent =
  'invitation' | 'password-reset' | 'unlock' | 'password-changed' | 'second-factor-added' | 'second-factor-removed';
/** The e-mails about a session rather than one application: the reminders. */
export const SESSION_EVENTS = ['vote-reminder', 'meeting-reminder'] as const satisfies readonly NotificationEvent[];
/** The e-mails about an application, which its workflow sends. */
export type ApplicationNotificationEvent = Exclude<NotificationEvent, AccountNotificationEvent | (typeof SESSION_EVENTS)[number]>;

/** The fields each event's templates may use, as a value (checked when the templates load). */
export const NOTIFICATION_FIELDS: { [E in NotificationEvent]: readonly (keyof NotificationData[E])[] } = {
  'submission-acknowledged': ['reference', 'governmentName', 'category'],
  'submission-received': ['reference', 'governmentName', 'category'],
  'information-requested': ['reference', 'governmentName', 'message'],
  'information-reminder': ['reference', 'governmentName', 'message', 'requestedOn'],
  'response-received': ['reference', 'governmentName', 'message', 'corrections'],
  'declared-eligible': ['reference', 'governmentName'],
  'declared-ineligible': ['reference', 'governmentName', 'reasons'],
  'placed-on-agenda': ['reference', 'governmentName', 'sessionName', 'sessionWhen'],
  'ballot-opened': ['reference', 'governmentName', 'sessionName'],
  'ballot-closed': ['reference', 'governmentName', 'sessionName', 'outcome'],
  decision: ['reference', 'governmentName', 'sessionName', 'outcome', 'explanation', 'thanks'],
  deferred: ['reference', 'governmentName', 'reason'],
  withdrawn: ['reference', 'governmentName', 'reason'],
  'vote-reminder': ['sessionName', 'sessionWhen', 'applications'],
  'meeting-reminder': ['sessionName', 'sessionWhen', 'agenda'],
  invitation: ['name', 'link'],
  'password-reset': ['name', 'link'],
  unlock: ['name', 'link'],
  'password-changed': ['name'],
  'second-factor-added': ['name'],
  'second-factor-removed': ['name'],
};

export const NOTIFICATION_EVENTS = Object.keys(NOTIFICATION_FIELDS) as NotificationEvent[];
