import type { ActionInputs } from '../action-inputs.js';
import { criterionLabel, ELIGIBILITY_CRITERION_CODES } from '../eligibility-criteria.js';
import * as criteria from '../eligibility-criterion.repository.js';
import { sessionName } from '../notices/application-notices.service.js';
import type { GuardName } from '../workflow/application-workflow.js';
import type { TransitionContext } from './transition-context.js';

/** Why a guard refuses, in a sentence for the caller; null when it holds. */
export type GuardCheck = (context: TransitionContext) => Promise<string | null>;

async function everyCriterionPassed({ manager, application }: TransitionContext): Promise<string | null> {
  const recorded = await criteria.listOf(manager, application.id);
  const failing = ELIGIBILITY_CRITERION_CODES.filter((code) => recorded.find((criterion) => criterion.code === code)?.passed !== true);
  return failing.length === 0 ? null : `Not every criterion is recorded as passed: ${failing.map(criterionLabel).join('; ')}.`;
}

async function sessionAcceptsAgendaItems({ manager, input, sessions }: TransitionContext): Promise<string | null> {
  const { assemblyId } = input as ActionInputs['place-on-agenda'];
  // Held until this change commits, so that a cancellation of the session waits for it (and then defers it).
  const session = await sessions.findHeld(assemblyId, manager);
  if (!session) return `No session has the id ${assemblyId}.`;
  if (session.status === 'closed' || session.status === 'cancelled') return `The ${sessionName(session)} is ${session.status}.`;
  return null;
}

async function sessionInProgressWithQuorum({ manager, application, votes, sessions, now }: TransitionContext): Promise<string | null> {
  const session = await sessions.get(application.assemblyId!, manager);
  if (session.status !== 'in_session') return `The ${sessionName(session)} is ${session.status}, not in session.`;
  if (session.deadline && session.deadline.getTime() <= now.getTime()) return `The deadline of the ${sessionName(session)} has passed.`;
  const quorum = await votes.quorumAtOpening(manager, session, now);
  return quorum.met ? null : quorum.explanation;
}

async function ballotCanBeCounted({ manager, application, votes }: TransitionContext): Promise<string | null> {
  return (await votes.openVoteOf(manager, application.id, 'update')) ? null : 'No ballot is open for this application.';
}

/** A written procedure gives every government on the roll until its deadline, unless all have answered already. */
async function deadlineReachedOrEveryoneAnswered({
  manager,
  application,
  votes,
  sessions,
  now,
}: TransitionContext): Promise<string | null> {
  const session = await sessions.get(application.assemblyId!, manager);
  if (!session.deadline || session.deadline.getTime() <= now.getTime()) return null;
  const vote = await votes.openVoteOf(manager, application.id, 'update');
  if (!vote) return null;
  const { voters, ballots: answered } = await votes.turnout(manager, vote.id);
  if (answered === voters) return null;
  return (
    `The ${sessionName(session)} runs until its deadline, ${session.deadline.toISOString()}: ` +
    `${voters - answered} of the ${voters} governments on the roll have not answered yet.`
  );
}

export const GUARD_CHECKS: Record<GuardName, GuardCheck> = {
  'every-criterion-passed': everyCriterionPassed,
  'session-accepts-agenda-items': sessionAcceptsAgendaItems,
  'session-in-progress-with-quorum': sessionInProgressWithQuorum,
  'ballot-can-be-counted': ballotCanBeCounted,
  'deadline-not-reached': deadlineReachedOrEveryoneAnswered,
};
