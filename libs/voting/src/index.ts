// The deciding bodies: sessions of the General Assembly, the Working Committee and written procedures.
export { Assembly, ASSEMBLY_BODIES, ASSEMBLY_STATUSES, type AssemblyBody, type AssemblyStatus } from './assembly.entity.js';
export { AssembliesService, type NewMeeting, type AssemblyFilter } from './assemblies.service.js';
export { VotingError, VotingErrorCode } from './voting-error.js';
export { VotingModule } from './voting.module.js';
