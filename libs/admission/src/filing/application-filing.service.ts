import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '@near/audit';
import { DEFAULT_LOCALE, type Locale } from '@near/common';
import { PgErrorCode, pgErrorCode } from '@near/database';
import type { Acting } from '@near/identity';
import { type Government, GovernmentsService } from '@near/registry';
import type { Contact } from '../action-inputs.js';
import { AdmissionError, AdmissionErrorCode } from '../admission-error.js';
import type { ApplicationCategory, Application } from '../application.entity.js';
import * as applications from '../application.repository.js';
import * as criteria from '../eligibility-criterion.repository.js';
import { ELIGIBILITY_CRITERION_CODES } from '../eligibility-criteria.js';
import { INITIAL_STATE, SUBMISSION_NOTIFICATIONS } from '../workflow/application-workflow.js';
import { checkLetter, storeLetter, type UploadedLetter } from '../letters/application-letters.service.js';
import * as documents from '../documents/application-documents.js';
import { ApplicationNotices } from '../notices/application-notices.service.js';
import { findByIdempotencyKey, rememberIdempotencyKey, requestHash } from './idempotency-key.repository.js';
import { nextReference } from './reference-counter.repository.js';

export interface NewApplication {
  governmentId: string;
  category: ApplicationCategory;
  headOfGovernment: string;
  statementOfPurpose: string;
  contact: Contact;
  locale?: Locale;
}

export interface FilingResult {
  application: Application;
  /** False when an earlier request with the same Idempotency-Key had already filed it. */
  created: boolean;
}

@Injectable()
export class ApplicationFiling {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly notices: ApplicationNotices,
    private readonly governments: GovernmentsService,
  ) {}

  /**
   * Files the application; with `letter`, its letter in the same transaction, so that a refused letter
   * leaves no application and sends no e-mail.
   */
  async file(input: NewApplication, acting: Acting, idempotencyKey?: string, letter?: UploadedLetter): Promise<FilingResult> {
    if (letter) checkLetter(letter.content);
    // A repeated key with another letter is another request, as with another body.
    const hash = requestHash(letter ? { input, letterSha256: createHash('sha256').update(letter.content).digest('hex') } : input);
    const earlier = idempotencyKey ? await this.replay(acting, idempotencyKey, hash) : null;
    if (earlier) return { application: earlier, created: false };
    try {
      const application = await this.dataSource.transaction(async (manager) => {
        const government = await this.assertMayApply(input, acting, manager);
        const now = new Date();
        const application = await applications.insert(manager, {
          reference: await nextReference(manager, now),
          governmentId: government.id,
          category: input.category,
          headOfGovernment: input.headOfGovernment,
          statementOfPurpose: input.statementOfPurpose,
          contactName: input.contact.name,
          contactEmail: input.contact.email.toLowerCase(),
          contactPhone: input.contact.phone ?? null,
          locale: input.locale ?? acting.user.locale ?? DEFAULT_LOCALE,
          state: INITIAL_STATE,
          assemblyId: null,
          filedBy: acting.user.id,
          ineligibilityReasons: null,
          withdrawalReason: null,
          submittedAt: now,
          decidedAt: null,
          updatedAt: now,
          version: 1,
        });
        await criteria.insertBlank(manager, application.id, ELIGIBILITY_CRITERION_CODES);
        if (idempotencyKey) await rememberIdempotencyKey(manager, acting.user.id, idempotencyKey, hash, application.id);
        await this.audit.record(manager, acting.audit, {
          action: 'application.submitted',
          entityType: 'application',
          entityId: application.id,
          stateBefore: null,
          stateAfter: INITIAL_STATE,
          payload: { reference: application.reference, version: 1, input },
        });
        if (letter) {
          const stored = await storeLetter(manager, application.id, letter, acting.user.id, now);
          await this.audit.record(manager, acting.audit, {
            action: 'application.letter-uploaded',
            entityType: 'application',
            entityId: application.id,
            stateBefore: INITIAL_STATE,
            stateAfter: INITIAL_STATE,
            payload: {
              reference: application.reference,
              version: 1,
              sha256: stored.sha256,
              sizeBytes: stored.sizeBytes,
              fileName: stored.fileName,
            },
          });
        }
        await this.notices.send(manager, SUBMISSION_NOTIFICATIONS, application);
        await documents.onFiled(manager, application);
        return application;
      });
      return { application, created: true };
    } catch (error) {
      const racedAnotherFiling =
        pgErrorCode(error) === PgErrorCode.UniqueViolation ||
        (error instanceof AdmissionError && error.code === AdmissionErrorCode.ApplicationInProgress);
      if (!racedAnotherFiling) throw error;
      // A concurrent request with the same key may have won the race: answer with what it filed.
      const winner = idempotencyKey ? await this.replay(acting, idempotencyKey, hash) : null;
      if (winner) return { application: winner, created: false };
      if (error instanceof AdmissionError) throw error;
      throw new AdmissionError(
        AdmissionErrorCode.ApplicationInProgress,
        'Your government already has an application in progress; withdraw it or wait for its decision first.',
      );
    }
  }

  private async replay(acting: Acting, key: string, hash: string): Promise<Application | null> {
    const applicationId = await findByIdempotencyKey(this.dataSource.manager, acting.user.id, key, hash);
    return applicationId ? applications.findOrFail(this.dataSource.manager, applicationId) : null;
  }

  private async assertMayApply(input: NewApplication, acting: Acting, manager: EntityManager): Promise<Government> {
    if (input.governmentId !== acting.user.governmentId) {
      throw new AdmissionError(AdmissionErrorCode.ActionForbidden, 'An applicant files only for the government it acts for.');
    }
    const [government] = await this.governments.listByIds([input.governmentId], manager);
    if (!government) throw new AdmissionError(AdmissionErrorCode.GovernmentCannotApply, `No government has the id ${input.governmentId}.`);
    if (government.status === 'member' || (government.status === 'associate' && input.category === 'associate')) {
      throw new AdmissionError(
        AdmissionErrorCode.GovernmentCannotApply,
        `${government.nameEn} is already ${government.status === 'member' ? 'a member' : 'an associate member'}.`,
      );
    }
    const existing = await applications.findInProgressOf(manager, government.id);
    if (existing) {
      throw new AdmissionError(
        AdmissionErrorCode.ApplicationInProgress,
        `${government.nameEn} already has an application in progress (${existing.reference}); withdraw it or wait for its decision first.`,
        { applicationId: existing.id, reference: existing.reference },
      );
    }
    return government;
  }
}
