// Making official documents, for the worker: the issuer with its PDF maker, fonts and words. An entry of its own
// (`@near/documents/issuing`) so that the API, which only serves documents already made, never loads pdfkit or
// qrcode: with nodemailer, kept out of it the same way, some 13 MB of each API process
// (docs/benchmarks-history.md, the runs of 2026-12-07, evening).
export { DocumentIssuer } from './document-issuer.service.js';
export { assertFontsInstalled } from './pdf/fonts.js';
export { assertDocumentWords } from './document-words.js';
export { DocumentIssuingModule } from './document-issuing.module.js';
