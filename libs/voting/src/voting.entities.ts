import { Session } from './session.entity.js';
import { Vote } from './votes/vote.entity.js';
import { Ballot } from './votes/ballot.entity.js';

/** The tables this lib owns, as TypeORM entities: its module registers them, and the migration CLI lists them. */
export const VOTING_ENTITIES = [Session, Vote, Ballot] as const;
