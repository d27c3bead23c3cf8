// The statements the API sends, as PostgreSQL's statement log (log_statement = all) shows them for a real
// request, with TypeORM's column aliases left out. A start-review sends, in order: ACTIVE_CALLER_STATEMENT (the
// token's user), START TRANSACTION, SELECT_APPLICATION, UPDATE_WITH_VERSION, the chain lock, the head, the audit
// INSERT, COMMIT, then for the answer APPLICATION_VIEW_STATEMENT. A GET /applications/:id sends the first and the
// last. Those two the API prepares once per connection (named statements): the baselines send them so too.
export { ACTIVE_CALLER_STATEMENT } from '../../libs/identity/src/active-caller-sql.js';
export { APPLICATION_VIEW_STATEMENT } from '../../libs/admission/src/reading/application-view-sql.js';
export const SELECT_APPLICATION = `SELECT id, list_position, reference, government_id, category, head_of_government, statement_of_purpose,
  contact_name, contact_email, contact_phone, locale, state, assembly_id, filed_by, ineligibility_reasons, withdrawal_reason,
  submitted_at, decided_at, updated_at, version FROM applications WHERE id = $1 LIMIT 1`;
export const UPDATE_WITH_VERSION = `UPDATE applications SET state = $1, updated_at = $2, version = version + 1 WHERE id = $3 AND version = $4`;
