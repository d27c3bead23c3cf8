/** What a leaf holds about its entry: the record, without the request id and the client address. */
export interface LeafEntry {
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorRole: string | null;
  actorGovernmentId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  stateBefore: string | null;
  stateAfter: string | null;
  /** The canonical JSON text stored in the column, embedded as it is. */
  payload: string;
}

// Sorted, as canonical JSON sorts them; payload is written raw (it is canonical JSON already).
const KEYS = [
  'action',
  'actorGovernmentId',
  'actorRole',
  'actorUserId',
  'entityId',
  'entityType',
  'occurredAt',
  'payload',
  'seq',
  'stateAfter',
  'stateBefore',
] as const satisfies readonly (keyof LeafEntry)[];

/**
 * The bytes a leaf hash covers: the entry as canonical JSON (keys sorted, no whitespace) in UTF-8. Members
 * receive these bytes (GET /log/entries, `npm run log:export`), so they hold what the record needs and nothing
 * members may not see: no request id, no client address.
 */
export function leafData(entry: LeafEntry): Buffer {
  const members = KEYS.map((key) => `${JSON.stringify(key)}:${key === 'payload' ? entry.payload : JSON.stringify(entry[key])}`);
  return Buffer.from(`{${members.join(',')}}`, 'utf8');
}
