import { Assembly } from '../../voting/src/assembly.entity.js';
import { Government } from '../../registry/src/government.entity.js';
import { User } from '../../identity/src/user.entity.js';
export const ENTITIES = [Government, User, Assembly];
//# sourceMappingURL=entities.js.map