// Official documents as PDF: requested in the transaction of the event that calls for them (request), made
// by the worker (DocumentIssuer, in `@near/documents/issuing`) in the member's language with embedded fonts, kept
// byte for byte with their SHA-256 in the audit trail, and served as stored (DocumentLibrary), with a public
// record of each decision.
export { DOCUMENT_KINDS, type DocumentKind, languagesOf } from './document-kind.js';
export { request as requestDocuments, type DocumentSummary, type DocumentSubject } from './document.repository.js';
export { DocumentLibrary, type PublicDecision } from './document-library.service.js';
export { DocumentError, DocumentErrorCode } from './document-error.js';
export { DocumentsModule } from './documents.module.js';
