// Relative imports on purpose: the TypeORM CLI loads this file and does not resolve tsconfig aliases.
import { ApplicationLetter } from '../../admission/src/application-letter.entity.js';
import { ApplicationMessage } from '../../admission/src/application-message.entity.js';
import { Application } from '../../admission/src/application.entity.js';
import { EligibilityCriterion } from '../../admission/src/eligibility-criterion.entity.js';
import { Assembly } from '../../voting/src/assembly.entity.js';
import { Ballot } from '../../voting/src/votes/ballot.entity.js';
import { Vote } from '../../voting/src/votes/vote.entity.js';
import { FeePayment } from '../../registry/src/fee-payment.entity.js';
import { Government } from '../../registry/src/government.entity.js';
import { User } from '../../identity/src/user.entity.js';

export const ENTITIES = [
  Government,
  User,
  Assembly,
  Application,
  EligibilityCriterion,
  ApplicationLetter,
  ApplicationMessage,
  FeePayment,
  Vote,
  Ballot,
] as const;
