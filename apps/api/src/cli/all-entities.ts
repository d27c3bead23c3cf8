import { ADMISSION_ENTITIES } from '@near/admission';
import { IDENTITY_ENTITIES } from '@near/identity';
import { REGISTRY_ENTITIES } from '@near/registry';
import { VOTING_ENTITIES } from '@near/voting';

/** Every lib's entities, for what runs outside Nest and needs them all: the migration CLI, the schema-drift test. */
export const ALL_ENTITIES = [...REGISTRY_ENTITIES, ...IDENTITY_ENTITIES, ...VOTING_ENTITIES, ...ADMISSION_ENTITIES];
