import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '@near/audit';
import type { Acting } from '@near/identity';
import { AdmissionError, AdmissionErrorCode } from '../admission-error.js';
import type { ApplicationLetter } from '../application-letter.entity.js';
import * as letters from '../application-letter.repository.js';
import { ownsApplication } from '../application-visibility.js';
import type { Application } from '../application.entity.js';
import { applyTransition, loadVisible } from '../transitions/application-transitions.service.js';
import type { ApplicationState } from '../workflow/application-workflow.js';
import { PDF_MAX_BYTES, refuseUnlessPdf } from '../pdf-upload.js';

export const LETTER_MAX_BYTES = PDF_MAX_BYTES;
const EDITABLE_STATES: readonly ApplicationState[] = ['submitted', 'information_requested'];

export interface UploadedLetter {
  content: Buffer;
  fileName?: string;
}

/** The official letter signed by the head of government: a PDF, checked by its content, kept with its SHA-256. */
@Injectable()
export class ApplicationLetters {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async upload(
    applicationId: string,
    letter: UploadedLetter,
    acting: Acting,
  ): Promise<{ application: Application; letter: ApplicationLetter }> {
    checkLetter(letter.content);
    return this.dataSource.transaction(async (manager) => {
      const application = await loadVisible(manager, applicationId, acting);
      if (!ownsApplication(acting.user, application)) {
        throw new AdmissionError(AdmissionErrorCode.ActionForbidden, 'Only the applicant government uploads its letter.');
      }
      if (!EDITABLE_STATES.includes(application.state)) {
        throw new AdmissionError(
          AdmissionErrorCode.NotEditable,
          `The application is ${application.state}; the letter can be replaced only while it is submitted or information_requested.`,
          { currentState: application.state },
        );
      }
      const now = new Date();
      const stored = await storeLetter(manager, applicationId, letter, acting.user.id, now);
      const sha256 = stored.sha256;
      const updated = await applyTransition(manager, application, application.state, { changes: {} }, now);
      await this.audit.record(manager, acting.audit, {
        action: 'application.letter-uploaded',
        entityType: 'application',
        entityId: applicationId,
        stateBefore: application.state,
        stateAfter: application.state,
        payload: {
          reference: application.reference,
          version: updated.version,
          sha256,
          sizeBytes: stored.sizeBytes,
          fileName: stored.fileName,
        },
      });
      return { application: updated, letter: stored };
    });
  }

  async download(applicationId: string, acting: Acting): Promise<ApplicationLetter> {
    await loadVisible(this.dataSource.manager, applicationId, acting);
    const letter = await letters.latestWithContent(this.dataSource.manager, applicationId);
    if (!letter) throw new AdmissionError(AdmissionErrorCode.LetterNotFound, 'No letter has been uploaded for this application.');
    return letter;
  }
}

/** Stores the letter with its SHA-256 in the caller's transaction; the caller has checked it (checkLetter) and audits it. */
export async function storeLetter(
  manager: EntityManager,
  applicationId: string,
  letter: UploadedLetter,
  uploadedBy: string,
  now: Date,
): Promise<ApplicationLetter> {
  return letters.insert(manager, {
    applicationId,
    sha256: createHash('sha256').update(letter.content).digest('hex'),
    sizeBytes: letter.content.length,
    fileName: letter.fileName?.slice(0, 255) ?? null,
    content: letter.content,
    uploadedBy,
    uploadedAt: now,
  });
}

/** Refuses an empty letter, one over the limit, and one whose content is not a PDF's. */
export function checkLetter(content: Buffer): void {
  refuseUnlessPdf(content, 'letter', {
    empty: AdmissionErrorCode.LetterEmpty,
    'too-large': AdmissionErrorCode.LetterTooLarge,
    'not-pdf': AdmissionErrorCode.LetterNotPdf,
  });
}
