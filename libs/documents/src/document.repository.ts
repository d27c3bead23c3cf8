import type { EntityManager } from 'typeorm';
import type { Locale } from '@near/common';
import type { DocumentKind } from './document-kind.js';

// The SQL of the documents and document_requests tables.

/** What a document is about: the application, and for a decision record its vote; for minutes, the session. */
export interface DocumentSubject {
  applicationId?: string;
  voteId?: string;
  sessionId?: string;
}

export interface DocumentRequest extends DocumentSubject {
  id: string;
  kind: DocumentKind;
  language: Locale;
  attempts: number;
}

export interface DocumentSummary {
  id: string;
  kind: DocumentKind;
  language: Locale;
  sha256: string;
  createdAt: Date;
  applicationId: string | null;
  sessionId: string | null;
}

const SUMMARY = `id, kind, language, encode(sha256, 'hex') AS sha256, created_at AS "createdAt",
  application_id AS "applicationId", assembly_id AS "sessionId"`;

/** Asks for documents in the caller's transaction; a document already asked for or made is not asked again. */
export async function request(
  db: EntityManager,
  kind: DocumentKind,
  subject: DocumentSubject,
  languages: readonly Locale[],
): Promise<void> {
  await db.query(
    `INSERT INTO document_requests (kind, application_id, vote_id, assembly_id, language)
     SELECT $1, $2, $3, $4, wanted.language FROM unnest($5::text[]) AS wanted (language)
     WHERE NOT EXISTS (
       SELECT 1 FROM documents d
       WHERE d.kind = $1 AND d.subject = coalesce($3::uuid, $2::uuid, $4::uuid) AND d.language = wanted.language)
     ON CONFLICT (kind, subject, language) DO NOTHING`,
    [kind, subject.applicationId ?? null, subject.voteId ?? null, subject.sessionId ?? null, languages],
  );
}

/** Takes up to `limit` due requests for this transaction; other workers skip them until it ends. */
export function claimDue(db: EntityManager, limit: number): Promise<DocumentRequest[]> {
  return db.query(
    `SELECT id::text, kind, language, attempts, application_id AS "applicationId", vote_id AS "voteId", assembly_id AS "sessionId"
     FROM document_requests WHERE not_before <= now()
     ORDER BY not_before, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
}

/** Puts a request off: `error` is why, when it failed rather than waited. */
export async function postpone(db: EntityManager, id: string, seconds: number, error?: string): Promise<void> {
  await db.query(
    `UPDATE document_requests SET not_before = now() + make_interval(secs => $2),
       attempts = attempts + CASE WHEN $3::text IS NULL THEN 0 ELSE 1 END, last_error = coalesce($3, last_error)
     WHERE id = $1`,
    [id, seconds, error ?? null],
  );
}

export async function complete(db: EntityManager, id: string): Promise<void> {
  await db.query(`DELETE FROM document_requests WHERE id = $1`, [id]);
}

/** Stores a document; answers its summary, or undefined when the same document was stored meanwhile. */
export async function insert(
  db: EntityManager,
  document: { kind: DocumentKind; subject: DocumentSubject; language: Locale; sha256: Buffer; content: Buffer; createdAt: Date },
): Promise<DocumentSummary | undefined> {
  const [row] = (await db.query(
    `INSERT INTO documents (kind, application_id, vote_id, assembly_id, language, sha256, content, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (kind, subject, language) DO NOTHING
     RETURNING ${SUMMARY}`,
    [
      document.kind,
      document.subject.applicationId ?? null,
      document.subject.voteId ?? null,
      document.subject.sessionId ?? null,
      document.language,
      document.sha256,
      document.content,
      document.createdAt,
    ],
  )) as DocumentSummary[];
  return row;
}

export function listForApplication(db: EntityManager, applicationId: string): Promise<DocumentSummary[]> {
  return db.query(`SELECT ${SUMMARY} FROM documents WHERE application_id = $1 ORDER BY created_at, kind, language`, [applicationId]);
}

export async function findSummary(db: EntityManager, id: string): Promise<DocumentSummary | undefined> {
  const [row] = (await db.query(`SELECT ${SUMMARY} FROM documents WHERE id = $1`, [id])) as DocumentSummary[];
  return row;
}

export async function content(db: EntityManager, id: string): Promise<Buffer | undefined> {
  const [row] = (await db.query(`SELECT content FROM documents WHERE id = $1`, [id])) as { content: Buffer }[];
  return row?.content;
}

export async function findMinutes(db: EntityManager, sessionId: string, language: Locale): Promise<DocumentSummary | undefined> {
  const [row] = (await db.query(`SELECT ${SUMMARY} FROM documents WHERE kind = 'minutes' AND assembly_id = $1 AND language = $2`, [
    sessionId,
    language,
  ])) as DocumentSummary[];
  return row;
}

/** Closed sessions without minutes in English, nor a request for them: the minutes every closed session gets. */
export async function requestMissingMinutes(db: EntityManager): Promise<number> {
  const rows = (await db.query(
    `INSERT INTO document_requests (kind, assembly_id, language)
     SELECT 'minutes', s.id, 'en' FROM assemblies s
     WHERE s.status = 'closed'
       AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.kind = 'minutes' AND d.subject = s.id AND d.language = 'en')
     ON CONFLICT (kind, subject, language) DO NOTHING
     RETURNING id`,
  )) as unknown[];
  return rows.length;
}
