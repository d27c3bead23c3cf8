import type { FastifyReply } from 'fastify';
import type { DocumentSummary } from '@near/documents';
import { sendPdf } from '../http/send-pdf.js';

/** An official document: never changed once made, so its SHA-256 is its ETag and a browser may keep it. */
export function sendDocument(reply: FastifyReply, document: DocumentSummary, content: Buffer): Promise<void> {
  const fileName = `near-${document.kind}-${document.language}-${document.id.slice(0, 8)}.pdf`;
  return sendPdf(
    reply,
    { content, sha256: document.sha256, fileName },
    {
      ETag: `"${document.sha256}"`,
      'Cache-Control': 'private, max-age=31536000, immutable',
    },
  );
}
