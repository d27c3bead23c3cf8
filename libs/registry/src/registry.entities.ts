import { Government } from './government.entity.js';
import { FeePayment } from './fee-payment.entity.js';

/** The tables this lib owns, as TypeORM entities: its module registers them, and the migration CLI lists them. */
export const REGISTRY_ENTITIES = [Government, FeePayment] as const;
