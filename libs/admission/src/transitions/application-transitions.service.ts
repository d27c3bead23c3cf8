import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '@near/audit';
import type { Acting } from '@near/identity';
import type { ActionInputs } from '../action-inputs.js';
import { AdmissionError, AdmissionErrorCode } from '../admission-error.js';
import { ApplicationMessage } from '../application-message.entity.js';
import { canSee, ownsApplication } from '../application-visibility.js';
import { Application } from '../application.entity.js';
import type { ApplicationAction } from '../workflow/application-workflow.js';
import { Workflow } from '../workflow/workflow.js';
import { ACTION_EFFECTS, type ActionEffect } from './action-effects.js';
import { GUARD_CHECKS } from './guard-checks.js';

/**
 * The one path every state change of an application takes: load with its version, check role, state
 * and guards, update with the version in the WHERE clause, append the audit entry, all in one transaction.
 */
@Injectable()
export class ApplicationTransitions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflow: Workflow,
    private readonly audit: AuditTrail,
  ) {}

  async run<A extends ApplicationAction>(
    applicationId: string,
    action: A | string,
    input: ActionInputs[A],
    acting: Acting,
    expectedVersion?: number,
  ): Promise<Application> {
    return this.dataSource.transaction(async (manager) => {
      const application = await loadVisible(manager, applicationId, acting);
      const caller = { role: acting.user.role, ownsApplication: ownsApplication(acting.user, application) };
      const refusal = this.workflow.refusal(application.state, action, caller);
      if (refusal === 'unknown-action') {
        throw new AdmissionError(AdmissionErrorCode.UnknownAction, `There is no action named ${action}.`);
      }
      if (refusal === 'role-never-allowed') {
        throw new AdmissionError(AdmissionErrorCode.ActionForbidden, `A ${acting.user.role} may not ${action} this application.`);
      }
      assertVersion(application, expectedVersion);
      if (refusal === 'not-allowed-from-state') {
        throw new AdmissionError(
          AdmissionErrorCode.ActionNotAllowedInState,
          `The application is ${application.state}; ${action} is not allowed from that state.`,
          { currentState: application.state, allowedActions: this.workflow.allowedActions(application.state, caller) },
        );
      }
      const definition = this.workflow.definition(action)!;
      for (const guard of definition.guards) {
        const failure = await GUARD_CHECKS[guard](manager, application, input as Record<string, unknown>);
        if (failure) throw new AdmissionError(AdmissionErrorCode.GuardFailed, failure, { guard });
      }
      const now = new Date();
      const effect = (ACTION_EFFECTS[action as A] as (input: ActionInputs[A], now: Date) => ActionEffect)(input, now);
      const target = definition.to[0];
      const updated = await applyTransition(manager, application, target, effect, now, expectedVersion);
      if (effect.message) {
        await manager.getRepository(ApplicationMessage).insert({
          applicationId,
          kind: effect.message.kind,
          body: effect.message.body,
          authorId: acting.user.id,
          createdAt: now,
        });
      }
      await this.audit.record(manager, acting.audit, {
        action: `application.${action}`,
        entityType: 'application',
        entityId: applicationId,
        stateBefore: application.state,
        stateAfter: target,
        payload: { reference: application.reference, version: updated.version, input },
      });
      return updated;
    });
  }
}

/** Loads an application the caller may see; anything else is "not found". */
export async function loadVisible(manager: EntityManager, applicationId: string, acting: Acting): Promise<Application> {
  const application = await manager.getRepository(Application).findOneBy({ id: applicationId });
  if (!application || !canSee(acting.user, application)) {
    throw new AdmissionError(AdmissionErrorCode.ApplicationNotFound, `No application ${applicationId} is visible to you.`);
  }
  return application;
}

export function assertVersion(application: Application, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== application.version) {
    throw new AdmissionError(
      AdmissionErrorCode.VersionMismatch,
      `The application is at version ${application.version}, not ${expectedVersion}: reload it and try again.`,
      { currentVersion: application.version, currentState: application.state },
    );
  }
}

/** Saves the change only if nobody changed the application since it was loaded (TypeORM's save() would not check). */
export async function applyTransition(
  manager: EntityManager,
  application: Application,
  state: Application['state'],
  effect: ActionEffect,
  now: Date,
  expectedVersion?: number,
): Promise<Application> {
  const result = await manager
    .createQueryBuilder()
    .update(Application)
    .set({ ...effect.changes, state, updatedAt: now, version: () => 'version + 1' })
    .where('id = :id AND version = :version', { id: application.id, version: application.version })
    .execute();
  if (result.affected !== 1) {
    // The caller's If-Match held when we read, but not when we wrote: its precondition failed all the same.
    const code = expectedVersion === undefined ? AdmissionErrorCode.ConcurrentChange : AdmissionErrorCode.VersionMismatch;
    throw new AdmissionError(code, 'Someone else changed the application at the same moment: reload it and try again.');
  }
  return Object.assign(new Application(), application, effect.changes, { state, updatedAt: now, version: application.version + 1 });
}
