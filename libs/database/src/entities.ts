// Relative imports on purpose: the TypeORM CLI loads this file and does not resolve tsconfig aliases.
import { Assembly } from '../../voting/src/assembly.entity.js';
import { Government } from '../../registry/src/government.entity.js';
import { User } from '../../identity/src/user.entity.js';

export const ENTITIES = [Government, User, Assembly] as const;
