import { User } from './user.entity.js';

/** The tables this lib owns, as TypeORM entities: its module registers them, and the migration CLI lists them. */
export const IDENTITY_ENTITIES = [User] as const;
