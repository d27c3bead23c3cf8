// Listed explicitly, oldest first: the CLI does not resolve globs over TypeScript sources.
import { Foundation1764374400000 } from './1764374400000-foundation.js';
import { AuditTrail1764460800000 } from './1764460800000-audit-trail.js';
import { Applications1764547200000 } from './1764547200000-applications.js';
import { FeePayments1764633600000 } from './1764633600000-fee-payments.js';
import { Voting1764720000000 } from './1764720000000-voting.js';
import { Notifications1764806400000 } from './1764806400000-notifications.js';
import { TransparencyLog1764892800000 } from './1764892800000-transparency-log.js';
import { BallotReceipts1764979200000 } from './1764979200000-ballot-receipts.js';
import { SignInSessions1764986400000 } from './1764986400000-sign-in-sessions.js';
import { SessionCancellation1764990000000 } from './1764990000000-session-cancellation.js';
import { AccountLinks1764993600000 } from './1764993600000-account-links.js';
import { SessionReminders1764997200000 } from './1764997200000-session-reminders.js';
import { SessionCalendar1765065600000 } from './1765065600000-session-calendar.js';
import { CalendarLinks1765152000000 } from './1765152000000-calendar-links.js';
import { InformationReminders1765238400000 } from './1765238400000-information-reminders.js';
import { UnlockLinks1765324800000 } from './1765324800000-unlock-links.js';
import { Documents1765411200000 } from './1765411200000-documents.js';
import { ApplicationAttachments1765497600000 } from './1765497600000-application-attachments.js';
import { ReaderTimeZones1765584000000 } from './1765584000000-reader-time-zones.js';

export const MIGRATIONS = [
  Foundation1764374400000,
  AuditTrail1764460800000,
  Applications1764547200000,
  FeePayments1764633600000,
  Voting1764720000000,
  Notifications1764806400000,
  TransparencyLog1764892800000,
  BallotReceipts1764979200000,
  SignInSessions1764986400000,
  SessionCancellation1764990000000,
  AccountLinks1764993600000,
  SessionReminders1764997200000,
  SessionCalendar1765065600000,
  CalendarLinks1765152000000,
  InformationReminders1765238400000,
  UnlockLinks1765324800000,
  Documents1765411200000,
  ApplicationAttachments1765497600000,
  ReaderTimeZones1765584000000,
] as const;
