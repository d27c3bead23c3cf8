import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ACTION_NAMES,
  APPLICATION_ACTIONS,
  APPLICATION_STATES,
  INITIAL_STATE,
  Workflow,
  type ApplicationAction,
  type ApplicationState,
} from '@near/admission';
import type { Role } from '@near/identity';
import {
  act,
  aProspectiveApplicant,
  aSession,
  ALL_CRITERIA_PASSED,
  fileApplication,
  type ApplicationBody,
} from './fixtures/applications.js';
import { aUser, bearer, type TestUser } from './fixtures/users.js';
import { everyMemberPaidUp, memberDelegates, recordPresent } from './fixtures/voting.js';
import { createTestApp, type TestApp } from './utils/create-test-app.js';

/**
 * Every state × action × caller, with the expectation derived from the workflow table itself
 * (APPLICATION_ACTIONS), so that this test follows the table when it changes.
 */

const CALLERS = ['secretariat', 'applicant-own', 'applicant-other', 'delegate', 'admin'] as const;
type CallerName = (typeof CALLERS)[number];

const ROLE_OF: Record<CallerName, Role> = {
  secretariat: 'secretariat',
  'applicant-own': 'applicant',
  'applicant-other': 'applicant',
  delegate: 'delegate',
  admin: 'admin',
};

/** A valid body for each action (the shapes of apps/api/src/applications/dto/action-bodies.ts). */
const BODY_OF: Record<ApplicationAction, (session: { id: string }) => object> = {
  'start-review': () => ({}),
  'request-information': () => ({ message: 'Please send the letter signed by the governor.' }),
  respond: () => ({ message: 'The signed letter is attached.' }),
  'declare-eligible': () => ({}),
  'declare-ineligible': () => ({ reasons: 'Not located in Northeast Asia.' }),
  'place-on-agenda': (session) => ({ assemblyId: session.id }),
  'open-ballot': () => ({}),
  'close-ballot': () => ({}),
  defer: () => ({ reason: 'The delegates want to hear the governor first.' }),
  withdraw: () => ({ reason: 'The governor wants to apply next year.' }),
};

/**
 * The states an application can only be in after being placed on a session's agenda: those not reachable
 * from the initial state without place-on-agenda (on_agenda, voting, approved, rejected). An application
 * in one of them is given a session that is not closed, and so is visible to delegates.
 */
const STATES_WITH_SESSION: ReadonlySet<ApplicationState> = (() => {
  const reachable = new Set<ApplicationState>([INITIAL_STATE]);
  for (let grew = true; grew;) {
    grew = false;
    for (const action of ACTION_NAMES.filter((name) => name !== 'place-on-agenda')) {
      const { from, to } = APPLICATION_ACTIONS[action];
      if (!from.some((state) => reachable.has(state))) continue;
      for (const state of to) {
        if (!reachable.has(state)) {
          reachable.add(state);
          grew = true;
        }
      }
    }
  }
  return new Set(APPLICATION_STATES.filter((state) => !reachable.has(state)));
})();

/** The states from which declare-eligible runs: there, every criterion is recorded as passed first. */
const CRITERIA_PASSED_IN: readonly ApplicationState[] = APPLICATION_ACTIONS['declare-eligible'].from;

const owns = (caller: CallerName) => caller === 'applicant-own';

function canSee(caller: CallerName, state: ApplicationState): boolean {
  switch (caller) {
    case 'secretariat':
    case 'applicant-own':
      return true;
    case 'applicant-other':
    case 'admin':
      return false;
    case 'delegate':
      return STATES_WITH_SESSION.has(state);
  }
}

function roleMayRun(action: ApplicationAction, caller: CallerName): boolean {
  const definition = APPLICATION_ACTIONS[action];
  return (definition.roles as readonly Role[]).includes(ROLE_OF[caller]) && (!definition.ownGovernmentOnly || owns(caller));
}

function allowedFrom(state: ApplicationState, action: ApplicationAction): boolean {
  return (APPLICATION_ACTIONS[action].from as readonly ApplicationState[]).includes(state);
}

/** What the table allows this caller from this state, in the table's order. */
const allowedActionsFor = (state: ApplicationState, caller: CallerName): ApplicationAction[] =>
  ACTION_NAMES.filter((action) => roleMayRun(action, caller) && allowedFrom(state, action));

/** The status the API must answer, in the precedence the API implements. */
function expectedStatus(state: ApplicationState, action: ApplicationAction, caller: CallerName): 200 | 403 | 404 | 409 {
  if (caller === 'admin') return 403; // the applications routes are not for admins at all
  if (!canSee(caller, state)) return 404;
  if (!roleMayRun(action, caller)) return 403;
  if (!allowedFrom(state, action)) return 409;
  return 200;
}

const describeStatus = (status: number) => (status === 200 ? 'succeeds' : `${status}`);

const problemNotAllowed = (currentState: unknown, allowedActions: unknown, type = 'urn:near:problem:action-not-allowed-in-state') => ({
  type,
  currentState,
  allowedActions,
});

interface Outcome {
  caller: CallerName;
  status: number;
  /** The application in the answer to a success. */
  answered?: { state: string; version: number };
  problem?: Record<string, unknown>;
  /** The application afterwards, read by the Secretariat. */
  after: { state: string; version: number };
}

describe('the workflow matrix: every state × action × caller', () => {
  let api: TestApp;
  let secretariat: TestUser;
  let otherApplicant: TestUser;
  let delegate: TestUser;
  let admin: TestUser;
  let session: { id: string };
  /** One application per state, for all the refusals (they change nothing). */
  const shared = new Map<ApplicationState, { application: ApplicationBody; applicant: TestUser }>();

  /**
   * Files an application for a fresh prospective government, then puts it straight into `state`; an
   * application in `voting` gets there through open-ballot, so that a real vote is open on it.
   */
  async function anApplicationIn(state: ApplicationState): Promise<{ application: ApplicationBody; applicant: TestUser }> {
    const applicant = await aProspectiveApplicant(api);
    const filed = await fileApplication(api, applicant);
    await api.dataSource.query(`UPDATE applications SET state = $1, assembly_id = $2 WHERE id = $3`, [
      state === 'voting' ? 'on_agenda' : state,
      STATES_WITH_SESSION.has(state) ? session.id : null,
      filed.id,
    ]);
    if (state === 'voting') await act(api, secretariat, filed, 'open-ballot').expect(200);
    if (CRITERIA_PASSED_IN.includes(state)) {
      await api.http().put(`/applications/${filed.id}/eligibility`).set(bearer(secretariat)).send(ALL_CRITERIA_PASSED).expect(200);
    }
    return { application: await read(filed.id), applicant };
  }

  async function read(id: string): Promise<ApplicationBody> {
    return (await api.http().get(`/applications/${id}`).set(bearer(secretariat)).expect(200)).body;
  }

  const userFor = (caller: CallerName, applicant: TestUser): TestUser =>
    ({ secretariat, 'applicant-own': applicant, 'applicant-other': otherApplicant, delegate, admin })[caller];

  beforeAll(async () => {
    api = await createTestApp();
    [secretariat, otherApplicant, delegate, admin] = await Promise.all([
      aUser(api, 'secretariat'),
      aProspectiveApplicant(api),
      aUser(api, 'delegate', { government: 'Toyama' }),
      aUser(api, 'admin'),
    ]);
    // A session in progress with every member paid up and present: open-ballot's quorum holds.
    session = await aSession(api, secretariat);
    await api.http().post(`/assemblies/${session.id}/open`).set(bearer(secretariat)).expect(200);
    await everyMemberPaidUp(api);
    const { memberIds } = await memberDelegates(api, 0);
    await recordPresent(api, secretariat, session.id, memberIds).expect(200);
    const prepared = await Promise.all(APPLICATION_STATES.map((state) => anApplicationIn(state)));
    APPLICATION_STATES.forEach((state, index) => shared.set(state, prepared[index]));
  });
  afterAll(() => api.close());

  describe.each(APPLICATION_STATES)('from %s', (state) => {
    for (const action of ACTION_NAMES) {
      const expectations = CALLERS.map((caller) => ({ caller, status: expectedStatus(state, action, caller) }));
      const summary = expectations.map(({ caller, status }) => `${caller} ${describeStatus(status)}`).join('; ');

      it(`${action}: ${summary}`, async () => {
        const expected: Outcome[] = [];
        const actual: Outcome[] = [];
        for (const { caller, status } of expectations) {
          // A success changes the state, so it gets an application of its own; a refusal changes nothing.
          const { application, applicant } = status === 200 ? await anApplicationIn(state) : shared.get(state)!;
          const before = await read(application.id);
          const response = await act(api, userFor(caller, applicant), application, action, BODY_OF[action](session));
          const after = await read(application.id);

          const unchanged = { state, version: before.version };
          // Where the data decides among several targets (close-ballot), any of them is a success.
          const targets: readonly string[] = APPLICATION_ACTIONS[action].to;
          const decided = targets.includes(response.body.state) ? response.body.state : targets[0];
          const moved = { state: decided, version: before.version + 1 };
          expected.push({
            caller,
            status,
            ...(status === 200 ? { answered: moved } : {}),
            ...(status === 409 ? { problem: problemNotAllowed(state, allowedActionsFor(state, caller)) } : {}),
            after: status === 200 ? moved : unchanged,
          });
          actual.push({
            caller,
            status: response.status,
            ...(status === 200 ? { answered: { state: response.body.state, version: response.body.version } } : {}),
            ...(status === 409
              ? { problem: problemNotAllowed(response.body.currentState, response.body.allowedActions, response.body.type) }
              : {}),
            after: { state: after.state, version: after.version },
          });
        }
        expect(actual).toEqual(expected);
      });
    }
  });

  it('returns in GET /applications/:id the allowedActions of the workflow, for every state and caller', async () => {
    const workflow = new Workflow();
    const expected: unknown[] = [];
    const actual: unknown[] = [];
    for (const state of APPLICATION_STATES) {
      const { application, applicant } = shared.get(state)!;
      for (const caller of ['secretariat', 'applicant-own', 'delegate'] as const) {
        const response = await api
          .http()
          .get(`/applications/${application.id}`)
          .set(bearer(userFor(caller, applicant)));
        const allowed = workflow.allowedActions(state, { role: ROLE_OF[caller], ownsApplication: owns(caller) });
        expected.push({ state, caller, ...(canSee(caller, state) ? { status: 200, allowedActions: allowed } : { status: 404 }) });
        actual.push({
          state,
          caller,
          status: response.status,
          ...(response.status === 200 ? { allowedActions: response.body.allowedActions } : {}),
        });
      }
    }
    expect(actual).toEqual(expected);
  });
});
