import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@near/audit';
import type { Acting } from '@near/identity';
import { AdmissionError, AdmissionErrorCode } from '../admission-error.js';
import type { ApplicationAttachment } from '../application-attachment.entity.js';
import * as attachments from '../application-attachment.repository.js';
import type { ListedAttachment } from '../application-attachment.repository.js';
import { ownsApplication } from '../application-visibility.js';
import { refuseUnlessPdf } from '../pdf-upload.js';
import * as applications from '../application.repository.js';
import { loadVisible } from '../transitions/application-transitions.service.js';
import type { ApplicationState } from '../workflow/application-workflow.js';

/** While the Secretariat reviews it: what a request for information asks for arrives then. */
const ATTACHING_STATES: readonly ApplicationState[] = ['submitted', 'under_review', 'information_requested'];

export interface UploadedAttachment {
  title: string;
  content: Buffer;
  fileName?: string;
}

/**
 * The supporting documents of an application, beside its official letter: PDFs with a title, added by the
 * applicant government while the application is reviewed, kept with their SHA-256 and never replaced.
 */
@Injectable()
export class ApplicationAttachments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async add(applicationId: string, upload: UploadedAttachment, acting: Acting): Promise<ApplicationAttachment> {
    checkAttachment(upload.content);
    return this.dataSource.transaction(async (manager) => {
      // Read under a share lock: a transition committing meanwhile (declared eligible, withdrawn) is either
      // seen here, or waits until the document is in while the state still allowed it.
      await applications.lockForShare(manager, applicationId);
      const application = await loadVisible(manager, applicationId, acting);
      if (!ownsApplication(acting.user, application)) {
        throw new AdmissionError(
          AdmissionErrorCode.ActionForbidden,
          'Only the applicant government attaches documents to its application.',
        );
      }
      if (!ATTACHING_STATES.includes(application.state)) {
        throw new AdmissionError(
          AdmissionErrorCode.NotEditable,
          `The application is ${application.state}; documents are attached only while it is reviewed (submitted, under_review or information_requested).`,
          { currentState: application.state },
        );
      }
      const now = new Date();
      const stored = await attachments.insert(manager, {
        applicationId,
        title: upload.title,
        sha256: createHash('sha256').update(upload.content).digest('hex'),
        sizeBytes: upload.content.length,
        fileName: upload.fileName?.slice(0, 255) ?? null,
        content: upload.content,
        uploadedBy: acting.user.id,
        uploadedAt: now,
      });
      await this.audit.record(manager, acting.audit, {
        action: 'application.attachment-added',
        entityType: 'application',
        entityId: applicationId,
        stateBefore: application.state,
        stateAfter: application.state,
        payload: {
          reference: application.reference,
          attachmentId: stored.id,
          title: stored.title,
          sha256: stored.sha256,
          sizeBytes: stored.sizeBytes,
          fileName: stored.fileName,
        },
      });
      return stored;
    });
  }

  async list(applicationId: string, acting: Acting): Promise<ListedAttachment[]> {
    await loadVisible(this.dataSource.manager, applicationId, acting);
    return attachments.listOf(this.dataSource.manager, applicationId);
  }

  async download(applicationId: string, attachmentId: string, acting: Acting): Promise<ApplicationAttachment> {
    await loadVisible(this.dataSource.manager, applicationId, acting);
    const attachment = await attachments.withContent(this.dataSource.manager, applicationId, attachmentId);
    if (!attachment) throw new AdmissionError(AdmissionErrorCode.AttachmentNotFound, `The application has no attachment ${attachmentId}.`);
    return attachment;
  }
}

function checkAttachment(content: Buffer): void {
  refuseUnlessPdf(content, 'document', {
    empty: AdmissionErrorCode.AttachmentEmpty,
    'too-large': AdmissionErrorCode.AttachmentTooLarge,
    'not-pdf': AdmissionErrorCode.AttachmentNotPdf,
  });
}
