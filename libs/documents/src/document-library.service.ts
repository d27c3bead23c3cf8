import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type EntryInclusion, TransparencyLog } from '@near/audit';
import type { Locale } from '@near/common';
import * as facts from './document-facts.repository.js';
import { DocumentError, DocumentErrorCode } from './document-error.js';
import * as documents from './document.repository.js';
import type { DocumentSummary } from './document.repository.js';

/** How long a request for minutes not made yet waits for the worker before it is told to ask again. */
const MINUTES_WAIT_MS = 20_000;
const POLL_MS = 150;

/** What anyone may see of a decision: no person, only the bodies, the outcome, the hashes and the log's proof. */
export interface PublicDecision {
  reference: string;
  outcome: 'approved' | 'rejected';
  category: string;
  government: { nameEn: string; nameLocal: string };
  body: string;
  sessionNumber: number;
  decidedAt: Date;
  documents: Pick<DocumentSummary, 'kind' | 'language' | 'sha256' | 'createdAt'>[];
  /** Null until the integrator has signed a checkpoint holding the decision (a second or so after it). */
  log: EntryInclusion | null;
}

/** The documents as they were stored: listed, served byte for byte, and the public record of a decision. */
@Injectable()
export class DocumentLibrary {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: TransparencyLog,
  ) {}

  listForApplication(applicationId: string): Promise<DocumentSummary[]> {
    return documents.listForApplication(this.dataSource.manager, applicationId);
  }

  /** The document's summary, for the caller to check who may see it. */
  async find(id: string): Promise<DocumentSummary> {
    const found = await documents.findSummary(this.dataSource.manager, id);
    if (!found) throw new DocumentError(DocumentErrorCode.DocumentNotFound, `No document ${id} exists.`);
    return found;
  }

  async content(id: string): Promise<Buffer> {
    const content = await documents.content(this.dataSource.manager, id);
    if (!content) throw new DocumentError(DocumentErrorCode.DocumentNotFound, `No document ${id} exists.`);
    return content;
  }

  /**
   * The minutes of a closed session in a language: made by the worker on the first request for that language
   * and kept; this request waits for it a while.
   */
  async minutes(sessionId: string, language: Locale): Promise<DocumentSummary> {
    const manager = this.dataSource.manager;
    const session = await facts.sessionFacts(manager, sessionId);
    if (!session) throw new DocumentError(DocumentErrorCode.SessionNotFound, `No session has the id ${sessionId}.`);
    if (session.status !== 'closed') {
      throw new DocumentError(DocumentErrorCode.SessionNotClosed, 'Minutes are made once the session is closed.', {
        currentStatus: session.status,
      });
    }
    const deadline = Date.now() + MINUTES_WAIT_MS;
    let found = await documents.findMinutes(manager, sessionId, language);
    if (!found) await documents.request(manager, 'minutes', { sessionId }, [language]);
    while (!found && Date.now() < deadline) {
      await sleep(POLL_MS);
      found = await documents.findMinutes(manager, sessionId, language);
    }
    if (!found) {
      throw new DocumentError(
        DocumentErrorCode.DocumentNotReady,
        'The minutes in this language are being made: ask again in a few seconds.',
        {
          retryAfterSeconds: 5,
        },
      );
    }
    return found;
  }

  async publicDecision(reference: string): Promise<PublicDecision> {
    const manager = this.dataSource.manager;
    const decision = await facts.publicDecisionFacts(manager, reference);
    if (!decision)
      throw new DocumentError(DocumentErrorCode.DecisionNotFound, `No decision has been taken on an application ${reference}.`);
    const [list, inclusion] = await Promise.all([
      documents.listForApplication(manager, decision.applicationId),
      this.log.inclusionOfLatest('application', decision.applicationId, 'application.close-ballot'),
    ]);
    const log: PublicDecision['log'] = typeof inclusion === 'object' ? inclusion : null;
    return {
      reference: decision.reference,
      outcome: decision.outcome,
      category: decision.category,
      government: { nameEn: decision.government.nameEn, nameLocal: decision.government.nameLocal },
      body: decision.body,
      sessionNumber: decision.sessionNumber,
      decidedAt: decision.decidedAt,
      documents: list.map(({ kind, language, sha256, createdAt }) => ({ kind, language, sha256, createdAt })),
      log,
    };
  }
}
