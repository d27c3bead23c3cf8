// The member registry: governments, their status (member, associate, observer, prospective) and level.
export { Government, GOVERNMENT_STATUSES, GOVERNMENT_LEVELS, type GovernmentStatus, type GovernmentLevel } from './government.entity.js';
export { GovernmentsService, type NewProspectiveGovernment, type GovernmentFilter } from './governments.service.js';
export { RegistryError, RegistryErrorCode } from './registry-error.js';
export { RegistryModule } from './registry.module.js';
export { NEAR_COUNTRIES, type NearCountry } from './near-countries.js';
