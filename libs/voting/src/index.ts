// The deciding bodies: sessions of the General Assembly, the Working Committee and written procedures.
export { Session, SESSION_BODIES, SESSION_STATUSES, type SessionBody, type SessionStatus, ruleOf, isMeeting } from './session.entity.js';
export { SessionsService, type NewMeeting, type NewWrittenProcedure, type RuleChoice, type SessionFilter } from './sessions.service.js';
export { SessionLifecycle } from './sessions/session-lifecycle.service.js';
export {
  SessionAmendments,
  type SessionEdit,
  type SessionAmendment,
  type EditableField,
  ANNOUNCED_FIELDS,
} from './sessions/session-amendments.service.js';
export { Attendance } from './sessions/attendance.service.js';
export { VoteBook, type QuorumCheck, type CountedCast } from './votes/vote-book.service.js';
export { BallotBox, type CastResult, type CastAnswer } from './votes/ballot-box.service.js';
export { ReceiptLookup, type ReceiptLeaves } from './votes/receipt-lookup.service.js';
export { VoteResults, type VoteResult, type RuleView, type NamedBallot } from './votes/vote-results.service.js';
export { Vote, type VoteStatus, type VoteOutcome } from './votes/vote.entity.js';
export { Ballot, BALLOT_CHOICES, type BallotChoice } from './votes/ballot.entity.js';
export { commitmentOf, newReceipt, type BallotReceipt } from './votes/ballot-commitment.js';
export * from './rules/decision-rule.js';
export { decide, type Decision } from './rules/decide.js';
export { type Tally } from './rules/tally.js';
export {
  DEFAULT_REMINDERS,
  MAX_REMINDERS,
  REMINDER_PATTERN,
  defaultRemindersOf,
  inSendingOrder,
  offsetMs,
  reminderProblem,
} from './reminders/reminder-offsets.js';
export {
  claimDueMeetingReminders,
  claimDueVoteReminders,
  type ClaimedMeetingReminder,
  type ClaimedVoteReminder,
} from './reminders/reminder.repository.js';
export { VotingError, VotingErrorCode } from './voting-error.js';
export { VotingModule } from './voting.module.js';
export { VOTING_ENTITIES } from './voting.entities.js';
