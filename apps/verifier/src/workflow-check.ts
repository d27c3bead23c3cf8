import { APPLICATION_ACTIONS, INITIAL_STATE } from '../../../libs/admission/src/workflow/application-workflow.js';

/** What a leaf's data says about a change of an application's state. */
export interface StateChange {
  seq: number;
  action: string;
  entityId: string;
  stateBefore: string | null;
  stateAfter: string | null;
}

const FILED = 'application.submitted';

/**
 * Each application's states, entry by entry, against the workflow table the server runs (the same file,
 * libs/admission/src/workflow/application-workflow.ts): filed into the initial state, then each action from a
 * state it may start from into one it may end in, each starting where the one before ended.
 */
export class WorkflowCheck {
  private readonly states = new Map<string, string>();
  applications = 0;
  transitions = 0;

  /** Undefined when the entry fits, else why not. */
  check(change: StateChange): string | undefined {
    if (change.action === FILED) {
      if (this.states.has(change.entityId)) return `application ${change.entityId} is filed a second time`;
      if (change.stateBefore !== null || change.stateAfter !== INITIAL_STATE)
        return `application ${change.entityId} is filed into ${change.stateAfter}`;
      this.states.set(change.entityId, change.stateAfter);
      this.applications += 1;
      return undefined;
    }
    const name = change.action.slice('application.'.length);
    if (!change.action.startsWith('application.') || !Object.hasOwn(APPLICATION_ACTIONS, name)) return undefined;
    const definition = APPLICATION_ACTIONS[name as keyof typeof APPLICATION_ACTIONS];
    const current = this.states.get(change.entityId);
    if (current === undefined) return `application ${change.entityId} has ${change.action} before it was filed`;
    if (change.stateBefore !== current)
      return `${change.action} starts from ${change.stateBefore} but application ${change.entityId} was ${current}`;
    if (!(definition.from as readonly string[]).includes(current)) return `${change.action} is not allowed from ${current}`;
    if (!(definition.to as readonly string[]).includes(change.stateAfter ?? ''))
      return `${change.action} cannot end in ${change.stateAfter}`;
    this.states.set(change.entityId, change.stateAfter!);
    this.transitions += 1;
    return undefined;
  }
}
