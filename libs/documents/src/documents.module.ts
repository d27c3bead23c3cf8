import { Module } from '@nestjs/common';
import { AuditModule } from '@near/audit';
import { DocumentIssuer } from './document-issuer.service.js';
import { DocumentLibrary } from './document-library.service.js';

@Module({
  imports: [AuditModule],
  providers: [DocumentIssuer, DocumentLibrary],
  exports: [DocumentIssuer, DocumentLibrary],
})
export class DocumentsModule {}
