import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@near/audit';
import { NotificationsModule } from '@near/notifications';
import { UserDirectoryModule } from '@near/identity';
import { RegistryModule } from '@near/registry';
import { VotingModule } from '@near/voting';
import { WrittenProcedureCloser } from './deadlines/written-procedure-closer.js';
import { InformationReminders } from './deadlines/information-reminders.js';
import { SessionReminders } from './deadlines/session-reminders.js';
import { ApplicationFiling } from './filing/application-filing.service.js';
import { ApplicationLetters } from './letters/application-letters.service.js';
import { ApplicationAttachments } from './attachments/application-attachments.service.js';
import { ApplicationNotices } from './notices/application-notices.service.js';
import { AudienceRecipients } from './notices/audience-recipients.js';
import { ApplicationReader } from './reading/application-reader.service.js';
import { EligibilityReview } from './review/eligibility-review.service.js';
import { ApplicationTransitions } from './transitions/application-transitions.service.js';
import { SessionChanges } from './sessions/session-changes.service.js';
import { Workflow } from './workflow/workflow.js';
import { ADMISSION_ENTITIES } from './admission.entities.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([...ADMISSION_ENTITIES]),
    AuditModule,
    UserDirectoryModule,
    RegistryModule,
    VotingModule,
    NotificationsModule,
  ],
  providers: [
    // Built at boot: a broken workflow table stops the start.
    { provide: Workflow, useFactory: () => new Workflow() },
    ApplicationFiling,
    ApplicationReader,
    ApplicationTransitions,
    EligibilityReview,
    ApplicationLetters,
    ApplicationAttachments,
    WrittenProcedureCloser,
    SessionReminders,
    InformationReminders,
    ApplicationNotices,
    AudienceRecipients,
    SessionChanges,
  ],
  exports: [
    Workflow,
    ApplicationFiling,
    ApplicationReader,
    ApplicationTransitions,
    EligibilityReview,
    ApplicationLetters,
    ApplicationAttachments,
    WrittenProcedureCloser,
    SessionReminders,
    InformationReminders,
    ApplicationNotices,
    SessionChanges,
  ],
})
export class AdmissionModule {}
