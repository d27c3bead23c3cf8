// The admission domain: applications, the workflow table and its interpreter, the one transition path,
// eligibility review and the official letter. No HTTP and no queues here.
export * from './workflow/application-workflow.js';
export { Workflow, type Caller, type Refusal } from './workflow/workflow.js';
export { workflowDiagram } from './workflow/workflow-diagram.js';
export {
  ELIGIBILITY_CRITERIA,
  ELIGIBILITY_CRITERION_CODES,
  criterionLabel,
  type EligibilityCriterionCode,
} from './eligibility-criteria.js';
export { Application, APPLICATION_CATEGORIES, type ApplicationCategory } from './application.entity.js';
export { EligibilityCriterion } from './eligibility-criterion.entity.js';
export { ApplicationLetter } from './application-letter.entity.js';
export { ApplicationAttachment } from './application-attachment.entity.js';
export type { ListedAttachment } from './application-attachment.repository.js';
export { ApplicationMessage, type ApplicationMessageKind } from './application-message.entity.js';
export { type ActionInputs, type ActionInput, type Contact } from './action-inputs.js';
export { AdmissionError, AdmissionErrorCode } from './admission-error.js';
export { canSee, ownsApplication } from './application-visibility.js';
export { ApplicationFiling, type NewApplication, type FilingResult } from './filing/application-filing.service.js';
export { ApplicationReader, type ApplicationFilter, type Page } from './reading/application-reader.service.js';
export { type ApplicationView, type ApplicationListItem } from './reading/application-view.js';
export { ApplicationTransitions } from './transitions/application-transitions.service.js';
export { EligibilityReview, type CriterionRecord } from './review/eligibility-review.service.js';
export { ApplicationLetters, LETTER_MAX_BYTES, type UploadedLetter } from './letters/application-letters.service.js';
export { ApplicationAttachments, type UploadedAttachment } from './attachments/application-attachments.service.js';
export { PDF_MAX_BYTES } from './pdf-upload.js';
export { WrittenProcedureCloser, type ClosingResult } from './deadlines/written-procedure-closer.js';
export { SessionReminders } from './deadlines/session-reminders.js';
export { InformationReminders } from './deadlines/information-reminders.js';
export { SessionChanges } from './sessions/session-changes.service.js';
export { AdmissionModule } from './admission.module.js';
export { ADMISSION_ENTITIES } from './admission.entities.js';
export { sessionName } from './notices/application-notices.service.js';
