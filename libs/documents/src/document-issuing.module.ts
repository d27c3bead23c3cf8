import { Module } from '@nestjs/common';
import { AuditModule } from '@near/audit';
import { DocumentIssuer } from './document-issuer.service.js';

/** Making the documents asked for (the issuer, its PDF maker and fonts): what the worker runs. */
@Module({
  imports: [AuditModule],
  providers: [DocumentIssuer],
  exports: [DocumentIssuer],
})
export class DocumentIssuingModule {}
