// The statements the API sends, as PostgreSQL's statement log (log_min_duration_statement = 0) shows them for a
// real request. A start-review sends, in order: ACTIVE_CALLER_STATEMENT (the token's user), START TRANSACTION,
// FIND_APPLICATION_STATEMENT, the UPDATE of updateIfVersionStatement(['state', 'updated_at']), the audit INSERT
// (with its seq into log_pending), COMMIT, then for the answer APPLICATION_VIEW_STATEMENT. A GET
// /applications/:id sends the first and the last. The API prepares each once per connection (named
// statements): the baselines send them so too, from the very modules the API takes them from.
export { ACTIVE_CALLER_STATEMENT } from '../../libs/identity/src/active-caller-sql.js';
export { APPLICATION_VIEW_STATEMENT } from '../../libs/admission/src/reading/application-view-sql.js';
export { FIND_APPLICATION_STATEMENT, updateIfVersionStatement } from '../../libs/admission/src/application-sql.js';
// The mix's e-mail: request-information and respond also send these (its own baseline, bench/workloads/transition-mix-raw.ts).
export { INSERT_MESSAGE_STATEMENT } from '../../libs/admission/src/application-message-sql.js';
export { FIND_GOVERNMENT_STATEMENT } from '../../libs/registry/src/government-sql.js';
export { RECIPIENTS_STATEMENT } from '../../libs/identity/src/recipients-sql.js';
export { INSERT_PENDING_STATEMENT } from '../../libs/notifications/src/notification-sql.js';
// The mix's baseline with e-mail: what the worker records of each message sent.
export { MARK_SENT_STATEMENT, SECRET_LINK_EVENTS } from '../../libs/notifications/src/notification-sql.js';
