// An application and what hangs off it, in one statement (ApplicationReader.get). A module of its own, without
// imports, so that the benchmark's baseline can send the very same text.
// The letter's content stays out: it is served by the letter route only.
export const APPLICATION_VIEW_SQL = `
  SELECT to_jsonb(a) AS application,
         to_jsonb(g) AS government,
         (SELECT coalesce(jsonb_agg(to_jsonb(c)), '[]') FROM eligibility_criteria c WHERE c.application_id = a.id) AS criteria,
         (SELECT to_jsonb(s) FROM assemblies s WHERE s.id = a.assembly_id) AS session,
         (SELECT to_jsonb(l) - 'content' FROM application_letters l
           WHERE l.application_id = a.id ORDER BY l.uploaded_at DESC LIMIT 1) AS letter,
         (SELECT coalesce(jsonb_agg(to_jsonb(m) ORDER BY m.created_at), '[]') FROM application_messages m
           WHERE m.application_id = a.id) AS messages
    FROM applications a
    JOIN governments g ON g.id = a.government_id
   WHERE a.id = $1`;
