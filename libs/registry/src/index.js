export { Government, GOVERNMENT_STATUSES, GOVERNMENT_LEVELS } from './government.entity.js';
export { GovernmentsService } from './governments.service.js';
export { RegistryError, RegistryErrorCode } from './registry-error.js';
export { RegistryModule } from './registry.module.js';
export { NEAR_COUNTRIES } from './near-countries.js';
//# sourceMappingURL=index.js.map