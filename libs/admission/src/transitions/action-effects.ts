import type { ActionInputs } from '../action-inputs.js';
import type { Application } from '../application.entity.js';
import type { ApplicationMessageKind } from '../application-message.entity.js';
import type { ApplicationAction } from '../workflow/application-workflow.js';

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
  message?: { kind: ApplicationMessageKind; body: string };
}

type EffectOf<A extends ApplicationAction> = (input: ActionInputs[A], now: Date) => ActionEffect;

const NONE: ActionEffect = { changes: {} };

export const ACTION_EFFECTS: { [A in ApplicationAction]: EffectOf<A> } = {
  'start-review': () => NONE,
  'request-information': ({ message }) => ({ changes: {}, message: { kind: 'information-request', body: message } }),
  respond: ({ message, category, headOfGovernment, statementOfPurpose, contact }) => ({
    changes: {
      ...(category ? { category } : {}),
      ...(headOfGovernment ? { headOfGovernment } : {}),
      ...(statementOfPurpose ? { statementOfPurpose } : {}),
      ...(contact ? { contactName: contact.name, contactEmail: contact.email.toLowerCase(), contactPhone: contact.phone ?? null } : {}),
    },
    message: { kind: 'response', body: message },
  }),
  'declare-eligible': () => NONE,
  'declare-ineligible': ({ reasons }, now) => ({ changes: { ineligibilityReasons: reasons, decidedAt: now } }),
  'place-on-agenda': ({ assemblyId }) => ({ changes: { assemblyId } }),
  'open-ballot': () => NONE,
  'close-ballot': (_, now) => ({ changes: { decidedAt: now } }),
  defer: () => ({ changes: { assemblyId: null } }),
  withdraw: ({ reason }) => ({ changes: { withdrawalReason: reason } }),
};
