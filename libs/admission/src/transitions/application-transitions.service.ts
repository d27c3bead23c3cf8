import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, SYSTEM_CONTEXT } from '@near/audit';
import { together } from '@near/database';
import type { Acting } from '@near/identity';
import type { ActionInputs } from '../action-inputs.js';
import { SessionsService, VoteBook } from '@near/voting';
import { AdmissionError, AdmissionErrorCode } from '../admission-error.js';
import * as messages from '../application-message.repository.js';
import * as applications from '../application.repository.js';
import { canSee, ownsApplication } from '../application-visibility.js';
import { Application } from '../application.entity.js';
import type { ApplicationAction } from '../workflow/application-workflow.js';
import { Workflow } from '../workflow/workflow.js';
import { ACTION_EFFECTS, type ActionEffect } from './action-effects.js';
import { GUARD_CHECKS } from './guard-checks.js';
import * as documents from '../documents/application-documents.js';
import { ApplicationNotices, type NoticeDetails } from '../notices/application-notices.service.js';
import type { TransitionContext } from './transition-context.js';

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
    private readonly votes: VoteBook,
    private readonly sessions: SessionsService,
    private readonly notices: ApplicationNotices,
  ) {}

  /** Runs an action for a signed-in user: what they may see, their role, and (optionally) the version they saw. */
  run<A extends ApplicationAction>(
    applicationId: string,
    action: A | string,
    input: ActionInputs[A],
    acting: Acting,
    expectedVersion?: number,
  ): Promise<Application> {
    return this.execute(applicationId, action, input as Record<string, unknown>, { kind: 'user', acting }, expectedVersion);
  }

  /**
   * Runs an action the rules themselves take, such as closing a ballot when a written procedure's
   * deadline passes. It acts with the Secretariat's powers and is audited as the system.
   */
  runAsSystem<A extends ApplicationAction>(applicationId: string, action: A, input: ActionInputs[A]): Promise<Application> {
    return this.execute(applicationId, action, input as Record<string, unknown>, { kind: 'system' });
  }

  /** Runs an action for a signed-in user inside a change of theirs that has its transaction already (cancelling a session). */
  runIn<A extends ApplicationAction>(
    manager: EntityManager,
    applicationId: string,
    action: A,
    input: ActionInputs[A],
    acting: Acting,
  ): Promise<Application> {
    return this.executeIn(manager, applicationId, action, input as Record<string, unknown>, { kind: 'user', acting });
  }

  private execute(
    applicationId: string,
    action: string,
    input: Record<string, unknown>,
    actor: Actor,
    expectedVersion?: number,
  ): Promise<Application> {
    return this.dataSource.transaction((manager) => this.executeIn(manager, applicationId, action, input, actor, expectedVersion));
  }

  private async executeIn(
    manager: EntityManager,
    applicationId: string,
    action: string,
    input: Record<string, unknown>,
    actor: Actor,
    expectedVersion?: number,
  ): Promise<Application> {
    const application =
      actor.kind === 'user' ? await loadVisible(manager, applicationId, actor.acting) : await loadExisting(manager, applicationId);
    const caller =
      actor.kind === 'user'
        ? { role: actor.acting.user.role, ownsApplication: ownsApplication(actor.acting.user, application) }
        : ({ role: 'secretariat', ownsApplication: false } as const);
    const auditContext = actor.kind === 'user' ? actor.acting.audit : SYSTEM_CONTEXT;
    const refusal = this.workflow.refusal(application.state, action, caller);
    if (refusal === 'unknown-action') {
      throw new AdmissionError(AdmissionErrorCode.UnknownAction, `There is no action named ${action}.`);
    }
    if (refusal === 'role-never-allowed') {
      throw new AdmissionError(AdmissionErrorCode.ActionForbidden, `A ${caller.role} may not ${action} this application.`);
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
    const context: TransitionContext = {
      manager,
      application,
      input,
      auditContext,
      now: new Date(),
      votes: this.votes,
      sessions: this.sessions,
      audit: this.audit,
    };
    for (const guard of definition.guards) {
      const failure = await GUARD_CHECKS[guard](context);
      if (failure) throw new AdmissionError(AdmissionErrorCode.GuardFailed, failure, { guard });
    }
    const now = context.now;
    const effect = await (ACTION_EFFECTS[action as ApplicationAction] as (context: TransitionContext) => Promise<ActionEffect>)(context);
    const target = effect.target ?? definition.to[0];
    if (!definition.to.includes(target)) throw new Error(`${action} decided on ${target}, which the workflow does not allow`);
    const message = effect.message;
    if (message && actor.kind !== 'user') throw new Error(`${action} run by the system cannot write correspondence`);
    const updated = transitioned(application, target, effect, now);
    // The change's writes and the e-mails' reads go to PostgreSQL together: none reads what another writes.
    await together([
      () => applyTransition(manager, application, target, effect, now, expectedVersion),
      () =>
        message &&
        actor.kind === 'user' &&
        messages.insert(manager, {
          applicationId,
          kind: message.kind,
          body: message.body,
          attachmentIds: message.attachmentIds ?? [],
          authorId: actor.acting.user.id,
          createdAt: now,
        }),
      () =>
        this.audit.record(manager, auditContext, {
          action: `application.${action}`,
          entityType: 'application',
          entityId: applicationId,
          stateBefore: application.state,
          stateAfter: target,
          payload: {
            reference: application.reference,
            version: updated.version,
            input,
            ...(effect.outcome ? { outcome: effect.outcome } : {}),
          },
        }),
      () =>
        this.notices.send(manager, definition.notifications, updated, {
          ...(input as NoticeDetails),
          outcome: effect.target,
          ...effect.notice,
        }),
    ]);
    if (action === 'close-ballot') await documents.onDecided(manager, updated, effect.outcome!.voteId as string, target);
    return updated;
  }
}

type Actor = { kind: 'user'; acting: Acting } | { kind: 'system' };

/** Loads an application the caller may see; anything else is "not found". */
export async function loadVisible(manager: EntityManager, applicationId: string, acting: Acting): Promise<Application> {
  return visibleOrNotFound(await loadApplication(manager, applicationId), applicationId, acting);
}

/** The application if the caller may see it; "not found" otherwise, whether it exists or not. */
export function visibleOrNotFound(application: Application | null, applicationId: string, acting: Acting): Application {
  if (!application || !canSee(acting.user, application)) {
    throw new AdmissionError(AdmissionErrorCode.ApplicationNotFound, `No application ${applicationId} is visible to you.`);
  }
  return application;
}

async function loadExisting(manager: EntityManager, applicationId: string): Promise<Application> {
  const application = await loadApplication(manager, applicationId);
  if (!application) throw new AdmissionError(AdmissionErrorCode.ApplicationNotFound, `No application ${applicationId} exists.`);
  return application;
}

export function loadApplication(manager: EntityManager, applicationId: string): Promise<Application | null> {
  return applications.find(manager, applicationId);
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
  if (!(await applications.updateIfVersion(manager, application, { ...effect.changes, state, updatedAt: now }))) {
    // The caller's If-Match held when we read, but not when we wrote: its precondition failed all the same.
    const code = expectedVersion === undefined ? AdmissionErrorCode.ConcurrentChange : AdmissionErrorCode.VersionMismatch;
    throw new AdmissionError(code, 'Someone else changed the application at the same moment: reload it and try again.');
  }
  return transitioned(application, state, effect, now);
}

/** The application as a transition leaves it, once saved. */
function transitioned(application: Application, state: Application['state'], effect: ActionEffect, now: Date): Application {
  return Object.assign(new Application(), application, effect.changes, { state, updatedAt: now, version: application.version + 1 });
}
