import type { EntityManager } from 'typeorm';
import { Assembly } from '@near/voting';
import type { ActionInputs } from '../action-inputs.js';
import type { Application } from '../application.entity.js';
import { criterionLabel, ELIGIBILITY_CRITERION_CODES } from '../eligibility-criteria.js';
import { EligibilityCriterion } from '../eligibility-criterion.entity.js';
import type { GuardName } from '../workflow/application-workflow.js';

/** Why a guard refuses, in a sentence for the caller; null when it holds. */
export type GuardCheck = (manager: EntityManager, application: Application, input: Record<string, unknown>) => Promise<string | null>;

async function everyCriterionPassed(manager: EntityManager, application: Application): Promise<string | null> {
  const recorded = await manager.getRepository(EligibilityCriterion).findBy({ applicationId: application.id });
  const failing = ELIGIBILITY_CRITERION_CODES.filter((code) => recorded.find((criterion) => criterion.code === code)?.passed !== true);
  return failing.length === 0 ? null : `Not every criterion is recorded as passed: ${failing.map(criterionLabel).join('; ')}.`;
}

async function sessionAcceptsAgendaItems(manager: EntityManager, _: Application, input: Record<string, unknown>): Promise<string | null> {
  const { assemblyId } = input as ActionInputs['place-on-agenda'];
  const session = await manager.getRepository(Assembly).findOneBy({ id: assemblyId });
  if (!session) return `No session has the id ${assemblyId}.`;
  if (session.status === 'closed') return `Session ${session.number} of the ${session.body.replace('_', ' ')} is closed.`;
  return null;
}

async function sessionInProgressWithQuorum(manager: EntityManager, application: Application): Promise<string | null> {
  const session = application.assemblyId ? await manager.getRepository(Assembly).findOneBy({ id: application.assemblyId }) : null;
  if (!session || session.status !== 'in_session') return 'The session is not in progress.';
  // Attendance and quorum arrive with the voting feature; until then no quorum can be shown to be present.
  return 'No quorum is recorded as present.';
}

async function ballotCanBeCounted(): Promise<string | null> {
  return 'No ballot has been opened for this application.';
}

export const GUARD_CHECKS: Record<GuardName, GuardCheck> = {
  'every-criterion-passed': everyCriterionPassed,
  'session-accepts-agenda-items': sessionAcceptsAgendaItems,
  'session-in-progress-with-quorum': sessionInProgressWithQuorum,
  'ballot-can-be-counted': ballotCanBeCounted,
};
