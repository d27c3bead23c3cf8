import { Module } from '@nestjs/common';
import { AuditModule } from '@near/audit';
import { DocumentLibrary } from './document-library.service.js';

/** Serving the documents made (the library): what the API needs. Making them is DocumentIssuingModule's. */
@Module({
  imports: [AuditModule],
  providers: [DocumentLibrary],
  exports: [DocumentLibrary],
})
export class DocumentsModule {}
