// Listed explicitly, oldest first: the CLI does not resolve globs over TypeScript sources.
import { Foundation1764374400000 } from './1764374400000-foundation.js';

export const MIGRATIONS = [Foundation1764374400000] as const;
