import type { EntityManager } from 'typeorm';

/** A message as a row (`to_jsonb`, for entityFromRow) and its time to the microsecond, for the next page's cursor. */
export interface MessageRow {
  message: Record<string, unknown>;
  created_at: string;
}

/** The SQL of `application_messages` for reading the correspondence page by page. */
export const ApplicationMessagesRepository = {
  /** Newest first, before (created_at, id) when given; served by the (application_id, created_at) index. */
  async page(
    manager: EntityManager,
    applicationId: string,
    before: { createdAt: string; id: string } | undefined,
    limit: number,
  ): Promise<MessageRow[]> {
    return (await manager.query(
      `SELECT to_jsonb(m) AS message, to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at
         FROM application_messages m
        WHERE m.application_id = $1 ${before ? 'AND (m.created_at, m.id) < ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY m.created_at DESC, m.id DESC LIMIT $2`,
      before ? [applicationId, limit, before.createdAt, before.id] : [applicationId, limit],
    )) as MessageRow[];
  },
};
