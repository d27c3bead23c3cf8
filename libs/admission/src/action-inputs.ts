import type { SessionFacts } from '@near/notifications';
import type { ApplicationCategory } from './application.entity.js';
import type { ApplicationAction } from './workflow/application-workflow.js';

export interface Contact {
  name: string;
  email: string;
  phone?: string;
}

/** What each action takes; the API validates bodies of these shapes before a transition runs. */
export interface ActionInputs {
  'start-review': Record<string, never>;
  'request-information': { message: string };
  respond: {
    message: string;
    category?: ApplicationCategory;
    headOfGovernment?: string;
    statementOfPurpose?: string;
    contact?: Contact;
    /** Attachments of the application (POST /applications/:id/attachments) this answer sends. */
    attachmentIds?: string[];
  };
  'declare-eligible': Record<string, never>;
  'declare-ineligible': { reasons: string };
  'place-on-agenda': { assemblyId: string };
  'open-ballot': Record<string, never>;
  'close-ballot': Record<string, never>;
  /** `cancelledSession`: set by a session's cancellation (with its English reason), for the e-mails to word it. */
  defer: { reason: string; cancelledSession?: SessionFacts };
  withdraw: { reason: string };
}

export type ActionInput<A extends ApplicationAction = ApplicationAction> = ActionInputs[A];
