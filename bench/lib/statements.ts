// The statements the API sends, as PostgreSQL's statement log (log_statement = all) shows them for a real
// request, with TypeORM's column aliases left out. A start-review sends, in order: SELECT_USER (the token's
// user), START TRANSACTION, SELECT_APPLICATION, UPDATE_WITH_VERSION, the chain lock, the head, the audit
// INSERT, COMMIT, then for the answer SELECT_APPLICATION and, at once on four connections, SELECT_GOVERNMENT,
// SELECT_CRITERIA, SELECT_LETTER and SELECT_MESSAGES. A GET /applications/:id sends SELECT_USER and the last five.
export const SELECT_USER = `SELECT id, email, display_name, role, government_id, locale, disabled_at, created_at, updated_at, version
  FROM users WHERE id = $1 AND disabled_at IS NULL LIMIT 1`;
export const SELECT_APPLICATION = `SELECT id, list_position, reference, government_id, category, head_of_government, statement_of_purpose,
  contact_name, contact_email, contact_phone, locale, state, assembly_id, filed_by, ineligibility_reasons, withdrawal_reason,
  submitted_at, decided_at, updated_at, version FROM applications WHERE id = $1 LIMIT 1`;
export const UPDATE_WITH_VERSION = `UPDATE applications SET state = $1, updated_at = $2, version = version + 1 WHERE id = $3 AND version = $4`;
export const SELECT_GOVERNMENT = `SELECT id, name_en, name_local, country, level, kind, status, member_since, admitted_by_assembly_id, created_at,
  updated_at, version FROM governments WHERE id = $1 LIMIT 1`;
export const SELECT_CRITERIA = `SELECT application_id, code, passed, note, recorded_by, recorded_at FROM eligibility_criteria WHERE application_id = $1`;
export const SELECT_LETTER = `SELECT id, application_id, sha256, size_bytes, file_name, uploaded_by, uploaded_at FROM application_letters
  WHERE application_id = $1 ORDER BY uploaded_at DESC LIMIT 1`;
export const SELECT_MESSAGES = `SELECT id, application_id, kind, body, author_id, created_at FROM application_messages
  WHERE application_id = $1 ORDER BY created_at ASC`;
