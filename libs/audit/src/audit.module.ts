import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditQuery } from './audit-query.js';
import { AuditTrail } from './audit-trail.js';
import { AuditVerifier } from './audit-verifier.js';

@Module({
  providers: [
    AuditTrail,
    AuditQuery,
    // The verifier is plain (the CLI builds it without Nest), so Nest builds it with a factory.
    { provide: AuditVerifier, inject: [getDataSourceToken()], useFactory: (dataSource: DataSource) => new AuditVerifier(dataSource) },
  ],
  exports: [AuditTrail, AuditQuery, AuditVerifier],
})
export class AuditModule {}
