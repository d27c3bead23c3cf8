import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditQuery } from './audit-query.js';
import { AuditTrail } from './audit-trail.js';
import { AuditVerifier } from './audit-verifier.js';
import { LogIntegrator } from './log/log-integrator.js';
import { LogSigner } from './log/log-signer.js';
import { TransparencyLog } from './log/transparency-log.js';

@Module({
  providers: [
    AuditTrail,
    AuditQuery,
    // The verifier is plain (the CLI builds it without Nest), so Nest builds it with a factory.
    { provide: AuditVerifier, inject: [getDataSourceToken()], useFactory: (dataSource: DataSource) => new AuditVerifier(dataSource) },
    LogSigner,
    LogIntegrator,
    TransparencyLog,
  ],
  exports: [AuditTrail, AuditQuery, AuditVerifier, LogIntegrator, TransparencyLog],
})
export class AuditModule {}
