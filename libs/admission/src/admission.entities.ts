import { Application } from './application.entity.js';
import { EligibilityCriterion } from './eligibility-criterion.entity.js';
import { ApplicationAttachment } from './application-attachment.entity.js';
import { ApplicationLetter } from './application-letter.entity.js';
import { ApplicationMessage } from './application-message.entity.js';

/** The tables this lib owns, as TypeORM entities: its module registers them, and the migration CLI lists them. */
export const ADMISSION_ENTITIES = [
  Application,
  EligibilityCriterion,
  ApplicationLetter,
  ApplicationAttachment,
  ApplicationMessage,
] as const;
