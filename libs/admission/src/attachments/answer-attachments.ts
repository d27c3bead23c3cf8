import type { EntityManager } from 'typeorm';
import { AdmissionError, AdmissionErrorCode } from '../admission-error.js';
import * as attachments from '../application-attachment.repository.js';

/** Refuses an answer's attachment ids that are not this application's, in the answer's transaction. */
export async function checkAttachmentsOf(manager: EntityManager, applicationId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await attachments.idsOf(manager, applicationId, ids);
  const unknown = ids.find((id) => !found.has(id));
  if (unknown) throw new AdmissionError(AdmissionErrorCode.AttachmentNotFound, `The application has no attachment ${unknown}.`);
}
