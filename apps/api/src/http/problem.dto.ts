import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class FieldErrorDto {
  @ApiProperty({ example: 'contact.email' }) field!: string;
  @ApiProperty({ type: [String] }) messages!: string[];
}

/**
 * RFC 9457 problem details, as every error of this API is answered. Besides the standard members, a problem
 * may carry extension members saying more about the refusal (which ones depend on its `type`); the ones this
 * API uses are declared here, so that clients can read them from the document.
 */
export class ProblemDto {
  @ApiProperty({ example: 'urn:near:problem:validation-failed' }) type!: string;
  @ApiProperty({ example: 'Bad Request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty() detail!: string;
  @ApiPropertyOptional() instance?: string;
  @ApiPropertyOptional() requestId?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
  @ApiPropertyOptional({ example: 'submitted', description: 'The state of the application when the action was refused.' })
  currentState?: string;
  @ApiPropertyOptional({ type: [String], description: 'The actions the caller may take from the current state.' })
  allowedActions?: string[];
  @ApiPropertyOptional({ example: 3, description: 'The version the application is at (412 on If-Match).' })
  currentVersion?: number;
  @ApiPropertyOptional({ example: 'sent', description: 'The status of the notification when the retry was refused.' })
  currentStatus?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The application the problem is about.' }) applicationId?: string;
  @ApiPropertyOptional({ example: 'NEAR-2026-0001', description: 'The reference of the application the problem is about.' })
  reference?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The government the problem is about.' }) governmentId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The session the problem is about.' }) assemblyId?: string;
  @ApiPropertyOptional({ example: 'letterUploaded', description: 'The workflow guard that failed (422).' }) guard?: string;
  @ApiPropertyOptional({ example: 'submit', description: 'The action that was refused.' }) action?: string;
}
