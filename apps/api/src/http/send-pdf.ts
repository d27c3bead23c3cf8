import type { FastifyReply } from 'fastify';

/** A stored PDF as stored, with its SHA-256 (RFC 9530 Repr-Digest, and hex as sha256sum prints it). */
export async function sendPdf(
  reply: FastifyReply,
  pdf: { content: Buffer; sha256: string; fileName: string },
  headers: Record<string, string> = {},
): Promise<void> {
  await reply
    .headers(headers)
    .header('Content-Type', 'application/pdf')
    .header('Content-Disposition', `attachment; filename="${pdf.fileName}"`)
    .header('Repr-Digest', `sha-256=:${Buffer.from(pdf.sha256, 'hex').toString('base64')}:`)
    .header('X-Content-SHA256', pdf.sha256)
    .send(pdf.content);
}
