import type { Role } from '@near/identity';
import type { ApplicationNotificationEvent } from '@near/notifications';
import type { Audience } from '../notices/audience.js';

/**
 * The admission workflow, in one table. Everything else is derived from it: what the API accepts,
 * the `allowedActions` each caller sees, the diagram in docs/workflow.md, and the tests that try every
 * state × action × role. It is checked when the application starts (see Workflow).
 */

export const APPLICATION_STATES = [
  'submitted',
  'under_review',
  'information_requested',
  'eligible',
  'ineligible',
  'on_agenda',
  'voting',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const INITIAL_STATE: ApplicationState = 'submitted';
export const FINAL_STATES: readonly ApplicationState[] = ['ineligible', 'approved', 'rejected', 'withdrawn'];
const NON_FINAL_STATES = APPLICATION_STATES.filter((state) => !FINAL_STATES.includes(state));

/**
 * Conditions beyond state and role, checked with data when the action runs; a failure is a 422 that names
 * the guard. Most are named for what must hold; `deadline-not-reached` for what refuses (a written
 * procedure closed before its deadline while some government on the roll has not answered).
 */
export type GuardName =
  | 'every-criterion-passed'
  | 'session-accepts-agenda-items'
  | 'session-in-progress-with-quorum'
  | 'ballot-can-be-counted'
  | 'deadline-not-reached';

/** An e-mail an action causes, and who receives it (resolved to addresses by the outbox when it runs). */
export interface NotificationRule {
  event: ApplicationNotificationEvent;
  to: readonly Audience[];
}

export interface ActionDefinition {
  from: readonly ApplicationState[];
  /** Several targets when the outcome is decided by data (the ballot's count). */
  to: readonly ApplicationState[];
  roles: readonly Role[];
  /** An applicant may act only on its own government's application. */
  ownGovernmentOnly: boolean;
  guards: readonly GuardName[];
  notifications: readonly NotificationRule[];
  /** Shown in the API docs and the diagram. */
  summary: string;
}

export const APPLICATION_ACTIONS = {
  'start-review': {
    from: ['submitted'],
    to: ['under_review'],
    roles: ['secretariat'],
    ownGovernmentOnly: false,
    guards: [],
    notifications: [],
    summary: 'The Secretariat starts checking eligibility.',
  },
  'request-information': {
    from: ['under_review'],
    to: ['information_requested'],
    roles: ['secretariat'],
    ownGovernmentOnly: false,
    guards: [],
    notifications: [{ event: 'information-requested', to: ['applicant-contact'] }],
    summary: 'The Secretariat asks the applicant for more information.',
  },
  respond: {
    from: ['information_requested'],
    to: ['under_review'],
    roles: ['applicant'],
    ownGovernmentOnly: true,
    guards: [],
    notifications: [{ event: 'response-received', to: ['secretariat'] }],
    summary: 'The applicant answers, correcting fields if asked; the review resumes.',
  },
  'declare-eligible': {
    from: ['under_review'],
    to: ['eligible'],
    roles: ['secretariat'],
    ownGovernmentOnly: false,
    guards: ['every-criterion-passed'],
    notifications: [{ event: 'declared-eligible', to: ['applicant-contact'] }],
    summary: 'Every criterion is recorded and passed.',
  },
  'declare-ineligible': {
    from: ['under_review'],
    to: ['ineligible'],
    roles: ['secretariat'],
    ownGovernmentOnly: false,
    guards: [],
    notifications: [{ event: 'declared-ineligible', to: ['applicant-contact'] }],
    summary: 'Final, with reasons.',
  },
  'place-on-agenda': {
    from: ['eligible'],
    to: ['on_agenda'],
    roles: ['secretariat'],
    ownGovernmentOnly: false,
    guards: ['session-accepts-agenda-items'],
    notifications: [{ event: 'placed-on-agenda', to: ['applicant-contact', 'member-delegates'] }],
    summary: 'Placed on the agenda of a session that is not closed.',
  },
  'open-ballot': {
    from: ['on_agenda'],
    to: ['voting'],
    roles: ['secretariat'],
    ownGovernmentOnly: false,
    guards: ['session-in-progress-with-quorum'],
    notifications: [{ event: 'ballot-opened', to: ['present-delegates'] }],
    summary: 'The session is in progress and a quorum is present.',
  },
  'close-ballot': {
    from: ['voting'],
    to: ['approved', 'rejected'],
    roles: ['secretariat'],
    ownGovernmentOnly: false,
    guards: ['ballot-can-be-counted', 'deadline-not-reached'],
    // One message each: the decision tells the delegates the result too, and thanks those whose government voted.
    notifications: [{ event: 'decision', to: ['applicant-contact', 'secretariat', 'member-delegates'] }],
    summary:
      "Counted under the session's rule: approved or rejected. A written procedure closes at its deadline, or before it once every government on the roll has answered.",
  },
  defer: {
    from: ['on_agenda', 'voting'],
    to: ['eligible'],
    roles: ['secretariat'],
    ownGovernmentOnly: false,
    guards: [],
    notifications: [{ event: 'deferred', to: ['applicant-contact', 'member-delegates'] }],
    summary: 'Back to eligible for a later session; ballots of a deferred vote are kept but void.',
  },
  withdraw: {
    from: NON_FINAL_STATES,
    to: ['withdrawn'],
    roles: ['applicant'],
    ownGovernmentOnly: true,
    guards: [],
    notifications: [{ event: 'withdrawn', to: ['applicant-contact', 'secretariat'] }],
    summary: 'The applicant withdraws at any time before the decision.',
  },
} as const satisfies Record<string, ActionDefinition>;

export type ApplicationAction = keyof typeof APPLICATION_ACTIONS;
export const ACTION_NAMES = Object.keys(APPLICATION_ACTIONS) as ApplicationAction[];

/** What filing an application causes, outside any action. */
export const SUBMISSION_NOTIFICATIONS: readonly NotificationRule[] = [
  { event: 'submission-acknowledged', to: ['applicant-contact'] },
  { event: 'submission-received', to: ['secretariat'] },
];
