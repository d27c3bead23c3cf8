export { Assembly, ASSEMBLY_BODIES, ASSEMBLY_STATUSES } from './assembly.entity.js';
//# sourceMappingURL=index.js.map