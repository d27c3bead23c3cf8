import { Foundation1764374400000 } from './1764374400000-foundation.js';
export const MIGRATIONS = [Foundation1764374400000];
//# sourceMappingURL=index.js.map