// The member registry: governments, their status (member, associate, observer, prospective) and level,
// their annual fee payments, and the voting rights that follow from them.
export { Government, GOVERNMENT_STATUSES, GOVERNMENT_LEVELS, type GovernmentStatus, type GovernmentLevel } from './government.entity.js';
export { FeePayment } from './fee-payment.entity.js';
export {
  GovernmentsService,
  type NewProspectiveGovernment,
  type GovernmentCorrection,
  type GovernmentFilter,
  type FeePaymentInput,
  type GovernmentStanding,
} from './governments.service.js';
export { votingRights, type VotingRights, ARREARS_THAT_REMOVE_THE_VOTE, FEE_DUE_MONTH_DAY, FEE_PAYING_STATUSES } from './voting-rights.js';
export { RegistryError, RegistryErrorCode } from './registry-error.js';
export { RegistryModule } from './registry.module.js';
export { NEAR_COUNTRIES, type NearCountry, timeZoneOfCountry, timeZoneNamed } from './near-countries.js';
export { admitGovernment } from './admit-government.js';
export { REGISTRY_ENTITIES } from './registry.entities.js';
