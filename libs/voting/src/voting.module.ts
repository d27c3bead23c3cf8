import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@near/audit';
import { RegistryModule } from '@near/registry';
import { SessionsService } from './sessions.service.js';
import { Attendance } from './sessions/attendance.service.js';
import { SessionLifecycle } from './sessions/session-lifecycle.service.js';
import { SessionAmendments } from './sessions/session-amendments.service.js';
import { BallotBox } from './votes/ballot-box.service.js';
import { VoteBook } from './votes/vote-book.service.js';
import { VoteResults } from './votes/vote-results.service.js';
import { ReceiptLookup } from './votes/receipt-lookup.service.js';
import { VOTING_ENTITIES } from './voting.entities.js';

@Module({
  imports: [TypeOrmModule.forFeature([...VOTING_ENTITIES]), AuditModule, RegistryModule],
  providers: [SessionsService, SessionLifecycle, SessionAmendments, Attendance, VoteBook, BallotBox, VoteResults, ReceiptLookup],
  exports: [SessionsService, SessionLifecycle, SessionAmendments, Attendance, VoteBook, BallotBox, VoteResults, ReceiptLookup],
})
export class VotingModule {}
