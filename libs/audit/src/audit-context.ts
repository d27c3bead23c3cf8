/** Who acts and from where: taken from the request by the API, or describing the system itself. */
export interface AuditContext {
  actor: { userId: string; role: string; governmentId: string | null } | null;
  requestId?: string;
  clientAddress?: string;
}

/** For changes nobody asked for in a request: a deadline passing, start-up bootstrap. */
export const SYSTEM_CONTEXT: AuditContext = { actor: null };
