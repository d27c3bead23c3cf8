// The shapes of the public API's answers that the web app reads (see /docs-json).

export type Role = 'applicant' | 'secretariat' | 'delegate' | 'admin';

export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  governmentId: string | null;
  locale: string;
}

export interface GovernmentSummary {
  id: string;
  nameEn: string;
  nameLocal: string;
  country: string;
  status: string;
}

export interface Government extends GovernmentSummary {
  level: string;
  kind: string | null;
  memberSince: string | null;
  mayVote: boolean;
}

export interface GovernmentDetail extends Government {
  fees: { paidYears: number[]; owedYears: number[]; arrears: number };
  mayVoteReason: string;
}

export interface ApplicationSummary {
  id: string;
  reference: string;
  state: string;
  version: number;
  category: string;
  governmentId: string;
  government: GovernmentSummary;
  assemblyId: string | null;
  submittedAt: string;
  updatedAt: string;
  decidedAt: string | null;
  allowedActions: string[];
}

export interface Criterion {
  code: string;
  label: string;
  passed: boolean | null;
  note: string | null;
  recordedAt: string | null;
}

export interface SessionSummary {
  id: string;
  body: string;
  number: number;
  status: string;
  startsOn: string | null;
  endsOn: string | null;
  venue: string | null;
  deadline: string | null;
}

export interface Application extends ApplicationSummary {
  headOfGovernment: string;
  statementOfPurpose: string;
  contact: { name: string; email: string; phone: string | null };
  locale: string;
  ineligibilityReasons: string | null;
  withdrawalReason: string | null;
  eligibility: { criteria: Criterion[] };
  session: SessionSummary | null;
  letter: { sha256: string; sizeBytes: number; fileName: string | null; uploadedAt: string } | null;
  /** The latest 20, oldest first; `earlierMessages` when there are more (GET /applications/:id/messages). */
  messages: Message[];
  earlierMessages: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface AuditEvent {
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorRole: string | null;
  actorGovernmentId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  stateBefore: string | null;
  stateAfter: string | null;
  payload: Record<string, unknown>;
  requestId: string | null;
  clientAddress: string | null;
  leafIndex: number | null;
}

export interface Assembly extends SessionSummary {
  hostGovernmentId: string | null;
  notes: string | null;
  quorum: string;
  majority: string;
  ballotSecrecy: string;
  ruleFrozenAt: string | null;
  presentGovernmentIds: string[];
  agenda: { applicationId: string; reference: string; governmentId: string; category: string; state: string }[];
}

export interface Rule {
  quorum: string;
  majority: string;
  ballotSecrecy: string;
  description: string;
}

export interface Result {
  status: 'open' | 'closed';
  voteId: string;
  rule: Rule;
  openedAt: string;
  turnout?: { voters: number; ballots: number };
  closedAt?: string;
  outcome?: 'approved' | 'rejected';
  tally?: { voters: number; present: number; yes: number; no: number; abstain: number };
  explanation?: string;
  decision?: {
    quorum: { met: boolean; required: number; actual: number };
    majority: { met: boolean; required: number; yes: number; base: number };
  };
  ballots?: { governmentId: string; nameEn: string; nameLocal: string; choice: string }[];
}

export type BallotChoice = 'yes' | 'no' | 'abstain';

export interface Notification {
  id: string;
  event: string;
  applicationId: string | null;
  recipient: string;
  locale: string;
  status: string;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** GET /users: a user as the admin sees it, which is what GET /auth/me says of the caller, and more. */
export interface User extends Me {
  disabledAt: string | null;
  createdAt: string;
}

export interface Message {
  kind: 'information-request' | 'response';
  body: string;
  createdAt: string;
}
