import { admitGovernment } from '@near/registry';
import type { ActionInputs } from '../action-inputs.js';
import type { Application } from '../application.entity.js';
import type { ApplicationMessageKind } from '../application-message.entity.js';
import type { NoticeDetails } from '../notices/application-notices.service.js';
import type { ApplicationAction, ApplicationState } from '../workflow/application-workflow.js';
import type { TransitionContext } from './transition-context.js';
import { checkAttachmentsOf } from '../attachments/answer-attachments.js';

/** What an action writes besides the state: columns of the application and correspondence to keep. */
export interface ActionEffect {
  changes: Partial<
    Pick<
      Application,
      | 'assemblyId'
      | 'ineligibilityReasons'
      | 'withdrawalReason'
      | 'decidedAt'
      | 'category'
      | 'headOfGovernment'
      | 'statementOfPurpose'
      | 'contactName'
      | 'contactEmail'
      | 'contactPhone'
    >
  >;
  message?: { kind: ApplicationMessageKind; body: string; attachmentIds?: string[] };
  /** For an action with several targets, the one the data decided. */
  target?: ApplicationState;
  /** Recorded in the audit entry with the input, e.g. the tally of a closed ballot. */
  outcome?: Record<string, unknown>;
  /** What the e-mails say beyond the input, e.g. how a ballot was decided. */
  notice?: Pick<NoticeDetails, 'explanation' | 'decision' | 'voters'>;
}

type EffectOf<A extends ApplicationAction> = (context: TransitionContext<ActionInputs[A]>) => Promise<ActionEffect>;

const NONE: ActionEffect = { changes: {} };

export const ACTION_EFFECTS: { [A in ApplicationAction]: EffectOf<A> } = {
  'start-review': async () => NONE,
  'request-information': async ({ input }) => ({ changes: {}, message: { kind: 'information-request', body: input.message } }),
  respond: async ({
    manager,
    application,
    input: { message, category, headOfGovernment, statementOfPurpose, contact, attachmentIds = [] },
  }) => {
    await checkAttachmentsOf(manager, application.id, attachmentIds);
    return {
      changes: {
        ...(category ? { category } : {}),
        ...(headOfGovernment ? { headOfGovernment } : {}),
        ...(statementOfPurpose ? { statementOfPurpose } : {}),
        ...(contact ? { contactName: contact.name, contactEmail: contact.email.toLowerCase(), contactPhone: contact.phone ?? null } : {}),
      },
      message: { kind: 'response', body: message, attachmentIds: [...new Set(attachmentIds)] },
    };
  },
  'declare-eligible': async () => NONE,
  'declare-ineligible': async ({ input, now }) => ({ changes: { ineligibilityReasons: input.reasons, decidedAt: now } }),
  'place-on-agenda': async ({ input }) => ({ changes: { assemblyId: input.assemblyId } }),
  'open-ballot': async ({ manager, application, votes, sessions, now }) => {
    const session = await sessions.get(application.assemblyId!, manager);
    const { vote, roll } = await votes.open(manager, application.id, session, now);
    // What the log needs to recount the vote on its own (docs/voting.md): the session, its body, the rule, the roll.
    return {
      changes: {},
      outcome: {
        voteId: vote.id,
        sessionId: session.id,
        body: session.body,
        rule: { quorum: vote.quorum, majority: vote.majority, ballotSecrecy: vote.ballotSecrecy },
        roll,
      },
    };
  },
  'close-ballot': async ({ manager, application, votes, audit, auditContext, now }) => {
    const { vote, session, decision, counted } = await votes.close(manager, application.id, now);
    if (decision.outcome === 'approved') {
      await admitGovernment(manager, audit, auditContext, {
        governmentId: application.governmentId,
        category: application.category,
        assemblyId: vote.assemblyId,
        hostGovernmentId: session.hostGovernmentId,
        on: now,
        applicationId: application.id,
      });
    }
    return {
      changes: { decidedAt: now },
      target: decision.outcome,
      outcome: {
        voteId: vote.id,
        outcome: decision.outcome,
        tally: vote.tally,
        rule: { quorum: vote.quorum, majority: vote.majority, ballotSecrecy: vote.ballotSecrecy },
        explanation: decision.explanation,
        // Each government's last cast, by government id: a named ballot's with its opening (choice and nonce).
        counted,
      },
      notice: {
        explanation: decision.explanation,
        decision: { voters: vote.tally!.voters, abstain: vote.tally!.abstain, quorum: decision.quorum, majority: decision.majority },
        voters: counted.map((cast) => cast.governmentId),
      },
    };
  },
  defer: async ({ manager, application, votes }) => {
    await votes.voidOpenVote(manager, application.id);
    return { changes: { assemblyId: null } };
  },
  withdraw: async ({ manager, application, votes, input }) => {
    await votes.voidOpenVote(manager, application.id);
    return { changes: { withdrawalReason: input.reason } };
  },
};
