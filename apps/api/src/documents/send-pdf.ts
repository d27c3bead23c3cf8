import type { FastifyReply } from 'fastify';
import type { DocumentSummary } from '@near/documents';

/** A stored PDF as stored, with its SHA-256 (RFC 9530 Repr-Digest, and hex as sha256sum prints it). */
export async function sendPdf(reply: FastifyReply, document: DocumentSummary, content: Buffer): Promise<void> {
  const name = `near-${document.kind}-${document.language}-${document.id.slice(0, 8)}.pdf`;
  await reply
    .header('Content-Type', 'application/pdf')
    .header('Content-Disposition', `attachment; filename="${name}"`)
    .header('Repr-Digest', `sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`)
    .header('X-Content-SHA256', document.sha256)
    .header('ETag', `"${document.sha256}"`)
    .header('Cache-Control', 'private, max-age=31536000, immutable')
    .send(content);
}
