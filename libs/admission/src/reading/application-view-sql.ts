// Applications and what hangs off each, in one statement (ApplicationReader.get reads together the views asked
// for while one read is on its way), prepared once per connection: planning its subqueries costs PostgreSQL
// several times what running them does. One id has a statement of its own: PostgreSQL keeps planning
// `= ANY($1)` anew at every execution (its generic plan, costed for an unknown number of ids, never wins),
// which cost a lone read half as much again; a batch of several pays that once.
// A module of its own, without imports, so that the benchmark's baselines can send the very same statements.
// The letter's content stays out, unread: to_jsonb of the whole letter row would hex-encode up to 10 MB on
// every read, only to drop it. It is served by the letter route only.
/**
 * The view carries the latest messages only (one more is read, to know whether there are earlier ones): a
 * long correspondence must not make every read and every transition's answer slower. The rest is paged by
 * GET /applications/:id/messages. Five: the last exchanges of questions and answers, and no more than an
 * application that has just begun carries, so that one with 500 messages is read at the same cost.
 */
export const LATEST_MESSAGES = 5;

const VIEW_SELECT = `
  SELECT to_jsonb(a) AS application,
         to_jsonb(g) AS government,
         (SELECT coalesce(jsonb_agg(to_jsonb(c)), '[]') FROM eligibility_criteria c WHERE c.application_id = a.id) AS criteria,
         (SELECT to_jsonb(s) FROM assemblies s WHERE s.id = a.assembly_id) AS session,
         (SELECT to_jsonb(l) FROM (SELECT id, application_id, sha256, size_bytes, file_name, uploaded_by, uploaded_at
                                     FROM application_letters
                                    WHERE application_id = a.id ORDER BY uploaded_at DESC LIMIT 1) AS l) AS letter,
         (SELECT coalesce(jsonb_agg(to_jsonb(m) ORDER BY m.created_at, m.id), '[]')
            FROM (SELECT * FROM application_messages WHERE application_id = a.id
                   ORDER BY created_at DESC, id DESC LIMIT ${LATEST_MESSAGES + 1}) AS m) AS messages
    FROM applications a
    JOIN governments g ON g.id = a.government_id
   WHERE `;

export const APPLICATION_VIEW_STATEMENT = { name: 'near_application_view', text: `${VIEW_SELECT}a.id = $1` } as const;
export const APPLICATION_VIEWS_STATEMENT = { name: 'near_application_views', text: `${VIEW_SELECT}a.id = ANY($1::uuid[])` } as const;
