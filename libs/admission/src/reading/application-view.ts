import type { Government } from '@near/registry';
import type { Session } from '@near/voting';
import type { ApplicationLetter } from '../application-letter.entity.js';
import type { ApplicationMessage } from '../application-message.entity.js';
import type { Application } from '../application.entity.js';
import type { EligibilityCriterion } from '../eligibility-criterion.entity.js';
import type { ApplicationAction } from '../workflow/application-workflow.js';

/** An application with what a reader needs around it, and the actions open to that reader. */
export interface ApplicationView {
  application: Application;
  government: Government;
  criteria: EligibilityCriterion[];
  session: Session | null;
  letter: ApplicationLetter | null;
  /** The latest LATEST_MESSAGES messages, oldest first. */
  messages: ApplicationMessage[];
  /** There are earlier messages than `messages` (GET /applications/:id/messages pages them all). */
  earlierMessages: boolean;
  allowedActions: ApplicationAction[];
}

export interface ApplicationListItem {
  application: Application;
  government: Government;
  allowedActions: ApplicationAction[];
}
