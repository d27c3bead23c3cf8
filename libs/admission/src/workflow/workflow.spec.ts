import { describe, expect, it } from '@jest/globals';
import { APPLICATION_ACTIONS, APPLICATION_STATES, type ActionDefinition } from './application-workflow.js';
import { Workflow } from './workflow.js';

const secretariat = { role: 'secretariat', ownsApplication: false } as const;
const ownApplicant = { role: 'applicant', ownsApplication: true } as const;
const otherApplicant = { role: 'applicant', ownsApplication: false } as const;

describe('the workflow interpreter', () => {
  const workflow = new Workflow();

  it('offers the Secretariat the review actions of an application under review', () => {
    expect(workflow.allowedActions('under_review', secretariat)).toEqual(['request-information', 'declare-eligible', 'declare-ineligible']);
  });

  it('offers the applicant its answer and withdrawal, and nothing on a final application', () => {
    expect(workflow.allowedActions('information_requested', ownApplicant)).toEqual(['respond', 'withdraw']);
    expect(workflow.allowedActions('approved', ownApplicant)).toEqual([]);
    expect(workflow.allowedActions('information_requested', otherApplicant)).toEqual([]);
  });

  it('tells a wrong role from a wrong state', () => {
    expect(workflow.refusal('submitted', 'start-review', ownApplicant)).toBe('role-never-allowed');
    expect(workflow.refusal('eligible', 'start-review', secretariat)).toBe('not-allowed-from-state');
    expect(workflow.refusal('submitted', 'approve', secretariat)).toBe('unknown-action');
    expect(workflow.refusal('submitted', 'toString', secretariat)).toBe('unknown-action');
  });

  it('lets the applicant withdraw from every state that is not final, and from no final one', () => {
    for (const state of APPLICATION_STATES) {
      expect({ state, allowed: workflow.refusal(state, 'withdraw', ownApplicant) === null }).toEqual({
        state,
        allowed: !workflow.isFinal(state),
      });
    }
  });

  describe('refuses to load a broken table', () => {
    const withAction = (name: string, definition: Partial<ActionDefinition>) =>
      new Workflow({ ...APPLICATION_ACTIONS, [name]: { ...APPLICATION_ACTIONS['start-review'], ...definition } });

    it('naming an unknown state', () => {
      expect(() => withAction('archive', { from: ['approved'], to: ['archived' as never] })).toThrow(/unknown state archived/);
    });

    it('leaving a final state', () => {
      expect(() => withAction('reopen', { from: ['rejected'], to: ['submitted'] })).toThrow(/leaves the final state rejected/);
    });

    it('with a state nothing reaches', () => {
      const { 'declare-ineligible': _removed, ...actions } = APPLICATION_ACTIONS;
      expect(() => new Workflow(actions)).toThrow(/state ineligible cannot be reached/);
    });

    it('with a state that is not final but has no way out', () => {
      const { 'start-review': _removed, withdraw: _alsoRemoved, ...actions } = APPLICATION_ACTIONS;
      expect(
        () => new Workflow({ ...actions, begin: { ...APPLICATION_ACTIONS['start-review'], from: ['under_review'], to: ['submitted'] } }),
      ).toThrow(/state submitted is not final but no action leaves it/);
    });

    it('with an action no role may run', () => {
      expect(() => withAction('nobody', { roles: [] })).toThrow(/nobody has no role/);
    });
  });
});
