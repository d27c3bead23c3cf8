import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@near/audit';
import type { Acting } from '@near/identity';
import { AdmissionError, AdmissionErrorCode } from '../admission-error.js';
import type { Application } from '../application.entity.js';
import { ELIGIBILITY_CRITERION_CODES } from '../eligibility-criteria.js';
import * as criterionTable from '../eligibility-criterion.repository.js';
import { applyTransition, assertVersion, loadVisible } from '../transitions/application-transitions.service.js';

export interface CriterionRecord {
  code: string;
  passed: boolean;
  note?: string | null;
}

/** The Secretariat records each eligibility criterion as passed or failed, with a note, while it reviews. */
@Injectable()
export class EligibilityReview {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async record(applicationId: string, criteria: CriterionRecord[], acting: Acting, expectedVersion?: number): Promise<Application> {
    const unknown = criteria.filter((criterion) => !(ELIGIBILITY_CRITERION_CODES as readonly string[]).includes(criterion.code));
    if (unknown.length > 0) {
      throw new AdmissionError(
        AdmissionErrorCode.UnknownCriterion,
        `Unknown criteria: ${unknown.map((c) => c.code).join(', ')}. The criteria are ${ELIGIBILITY_CRITERION_CODES.join(', ')}.`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const application = await loadVisible(manager, applicationId, acting);
      assertVersion(application, expectedVersion);
      if (application.state !== 'under_review') {
        throw new AdmissionError(
          AdmissionErrorCode.NotEditable,
          `The application is ${application.state}; criteria are recorded only while it is under_review.`,
          { currentState: application.state },
        );
      }
      const now = new Date();
      for (const criterion of criteria) {
        await criterionTable.record(manager, applicationId, {
          code: criterion.code,
          passed: criterion.passed,
          note: criterion.note ?? null,
          recordedBy: acting.user.id,
          recordedAt: now,
        });
      }
      const updated = await applyTransition(manager, application, application.state, { changes: {} }, now, expectedVersion);
      await this.audit.record(manager, acting.audit, {
        action: 'application.eligibility-recorded',
        entityType: 'application',
        entityId: applicationId,
        stateBefore: application.state,
        stateAfter: application.state,
        payload: { reference: application.reference, version: updated.version, criteria },
      });
      return updated;
    });
  }
}
