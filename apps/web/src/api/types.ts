// Names for the API's answers that the web app reads. Every shape comes from the OpenAPI document (/docs-json):
// openapi.generated.d.ts is generated from it by scripts/generate-web-api-types.js, which `npm run build`
// and `npm run typecheck` run. To change a shape, change the API's DTO.
import type { components } from './openapi.generated.js';

type Schemas = components['schemas'];

export type Me = Schemas['MeDto'];
export type Role = Me['role'];
export type SignInResponse = Schemas['SignInResponseDto'];
export type MfaRequired = Schemas['MfaRequiredDto'];
export type TotpEnrolment = Schemas['TotpEnrolmentDto'];
export type RecoveryCodes = Schemas['RecoveryCodesDto'];
export type SignInSession = Schemas['SessionDto'];
export type CalendarLink = Schemas['CalendarLinkDto'];
export type User = Schemas['UserDto'];

export type GovernmentSummary = Schemas['GovernmentSummaryDto'];
export type Government = Schemas['GovernmentDto'];
export type GovernmentDetail = Schemas['GovernmentDetailDto'];

export type ApplicationPage = Schemas['ApplicationPageDto'];
export type Attachment = Schemas['AttachmentDto'];
export type Application = Schemas['ApplicationDto'];
export type Criterion = Schemas['CriterionDto'];
export type Message = Schemas['MessageDto'];
export type MessagePage = Schemas['MessagePageDto'];

export type Assembly = Schemas['AssemblyDto'];
export type Ballot = Schemas['BallotDto'];
export type BallotChoice = Ballot['choice'];
export type Cast = Schemas['CastDto'];
export type BallotReceipt = Schemas['ReceiptDto'];
export type Result = Schemas['ResultDto'];

export type AuditEvent = Schemas['AuditEventDto'];
export type AuditPage = Schemas['AuditPageDto'];
export type AuditVerification = Schemas['AuditVerificationDto'];

export type Notification = Schemas['NotificationDto'];

export type Problem = Schemas['ProblemDto'];
export type FieldError = Schemas['FieldErrorDto'];

export type OfficialDocument = Schemas['DocumentDto'];
export type PublicDecision = Schemas['PublicDecisionDto'];
