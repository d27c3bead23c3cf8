import type { Role } from '@near/identity';
import {
  ACTION_NAMES,
  APPLICATION_ACTIONS,
  APPLICATION_STATES,
  type ActionDefinition,
  type ApplicationAction,
  type ApplicationState,
  FINAL_STATES,
  INITIAL_STATE,
} from './application-workflow.js';

/** Why an action cannot run, before any data is looked at. */
export type Refusal = 'unknown-action' | 'role-never-allowed' | 'not-allowed-from-state';

export interface Caller {
  role: Role;
  /** True when the caller acts for the government that applied. */
  ownsApplication: boolean;
}

/** The interpreter of the workflow table: small on purpose, and it refuses to load a broken table. */
export class Workflow {
  constructor(
    private readonly actions: Readonly<Record<string, ActionDefinition>> = APPLICATION_ACTIONS,
    private readonly states: readonly string[] = APPLICATION_STATES,
    private readonly initial: string = INITIAL_STATE,
    private readonly finals: readonly string[] = FINAL_STATES,
  ) {
    const problems = this.problems();
    if (problems.length > 0) throw new Error(`The application workflow is broken: ${problems.join('; ')}`);
  }

  isFinal(state: ApplicationState): boolean {
    return this.finals.includes(state);
  }

  definition(action: string): ActionDefinition | undefined {
    return Object.hasOwn(this.actions, action) ? this.actions[action] : undefined;
  }

  /** Checks state and role only; guards need data and are checked by the transition itself. */
  refusal(state: ApplicationState, action: string, caller: Caller): Refusal | null {
    const definition = this.definition(action);
    if (!definition) return 'unknown-action';
    if (!definition.roles.includes(caller.role) || (definition.ownGovernmentOnly && !caller.ownsApplication)) {
      return 'role-never-allowed';
    }
    if (!definition.from.includes(state)) return 'not-allowed-from-state';
    return null;
  }

  allowedActions(state: ApplicationState, caller: Caller): ApplicationAction[] {
    return ACTION_NAMES.filter((action) => this.refusal(state, action, caller) === null);
  }

  /** The states in which the caller has something to do: where its work queue looks. */
  statesWithActionsFor(caller: Caller): ApplicationState[] {
    return (this.states as readonly ApplicationState[]).filter((state) => this.allowedActions(state, caller).length > 0);
  }

  /** Every edge of the graph, for the diagram and the tests. */
  edges(): { from: string; to: string; action: string }[] {
    return Object.entries(this.actions).flatMap(([action, definition]) =>
      definition.from.flatMap((from) => definition.to.map((to) => ({ from, to, action }))),
    );
  }

  private problems(): string[] {
    const problems: string[] = [];
    const known = new Set(this.states);
    if (!known.has(this.initial)) problems.push(`initial state ${this.initial} is unknown`);
    for (const final of this.finals) if (!known.has(final)) problems.push(`final state ${final} is unknown`);
    for (const [action, definition] of Object.entries(this.actions)) {
      for (const state of [...definition.from, ...definition.to]) {
        if (!known.has(state)) problems.push(`${action} names the unknown state ${state}`);
      }
      for (const state of definition.from) {
        if (this.finals.includes(state)) problems.push(`${action} leaves the final state ${state}`);
      }
      if (definition.roles.length === 0) problems.push(`${action} has no role that may run it`);
    }
    const reachable = new Set([this.initial]);
    for (let grew = true; grew;) {
      grew = false;
      for (const { from, to } of this.edges()) {
        if (reachable.has(from) && !reachable.has(to)) {
          reachable.add(to);
          grew = true;
        }
      }
    }
    for (const state of this.states) {
      if (!reachable.has(state)) problems.push(`state ${state} cannot be reached from ${this.initial}`);
      const isFinal = this.finals.includes(state);
      const leaves = this.edges().some((edge) => edge.from === state);
      if (!isFinal && !leaves) problems.push(`state ${state} is not final but no action leaves it`);
    }
    return problems;
  }
}
