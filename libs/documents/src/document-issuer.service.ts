import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import QRCode from 'qrcode';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, SYSTEM_CONTEXT, TransparencyLog } from '@near/audit';
import { AppConfig } from '@near/config';
import * as facts from './document-facts.repository.js';
import { wordsFor } from './document-words.js';
import * as documents from './document.repository.js';
import type { DocumentRequest } from './document.repository.js';
import { acknowledgement } from './layouts/acknowledgement.js';
import { certificate } from './layouts/certificate.js';
import { decisionRecord } from './layouts/decision-record.js';
import type { LayoutContext } from './layouts/formats.js';
import { minutes } from './layouts/minutes.js';

/** A decision not yet in a signed checkpoint is looked at again this soon (the integrator signs every second or so). */
const WAIT_FOR_CHECKPOINT_SECONDS = 1;
/** A document that failed to be made is tried again after this long, doubled per failure up to an hour. */
const RETRY_SECONDS = 30;

type Made = { content: Buffer; reference?: string } | 'wait' | 'gone';

/**
 * Makes the documents asked for in document_requests, in the worker, one per transaction: the PDF, its row and
 * the audit entry with its SHA-256 commit together with the request's deletion, so each is made and recorded
 * exactly once by any number of workers (a request is claimed with SKIP LOCKED).
 */
@Injectable()
export class DocumentIssuer {
  private readonly logger = new Logger(DocumentIssuer.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly log: TransparencyLog,
    private readonly config: AppConfig,
  ) {}

  /** Makes what is due, at most `limit` documents; answers how many were stored. */
  async issueDue(limit = 20): Promise<number> {
    await documents.requestMissingMinutes(this.dataSource.manager);
    let stored = 0;
    for (let turn = 0; turn < limit; turn++) {
      const outcome = await this.dataSource.transaction(async (manager) => {
        const [request] = await documents.claimDue(manager, 1);
        return request ? this.issue(manager, request) : 'none';
      });
      if (outcome === 'none') break;
      if (outcome === 'stored') stored++;
    }
    return stored;
  }

  private async issue(manager: EntityManager, request: DocumentRequest): Promise<'stored' | 'postponed'> {
    let made: Made;
    try {
      made = await this.make(manager, request);
    } catch (error) {
      const seconds = Math.min(3600, RETRY_SECONDS * 2 ** request.attempts);
      this.logger.error(
        { err: error },
        `The ${request.kind} (${request.language}) of ${subjectOf(request)} could not be made; trying again in ${seconds} s`,
      );
      await documents.postpone(manager, request.id, seconds, (error as Error).message.slice(0, 500));
      return 'postponed';
    }
    if (made === 'wait') {
      await documents.postpone(manager, request.id, WAIT_FOR_CHECKPOINT_SECONDS);
      return 'postponed';
    }
    if (made !== 'gone') await this.store(manager, request, made);
    await documents.complete(manager, request.id);
    return 'stored';
  }

  private async store(manager: EntityManager, request: DocumentRequest, made: Exclude<Made, 'wait' | 'gone'>): Promise<void> {
    const sha256 = createHash('sha256').update(made.content).digest();
    const subject = { applicationId: request.applicationId, voteId: request.voteId, sessionId: request.sessionId };
    const stored = await documents.insert(manager, {
      kind: request.kind,
      subject,
      language: request.language,
      sha256,
      content: made.content,
      createdAt: new Date(),
    });
    if (!stored) return;
    await this.audit.record(manager, SYSTEM_CONTEXT, {
      action: 'document.issued',
      entityType: 'document',
      entityId: stored.id,
      payload: {
        kind: request.kind,
        language: request.language,
        sha256: stored.sha256,
        sizeBytes: made.content.length,
        ...(made.reference ? { reference: made.reference } : {}),
        ...(request.applicationId ? { applicationId: request.applicationId } : {}),
        ...(request.voteId ? { voteId: request.voteId } : {}),
        ...(request.sessionId ? { sessionId: request.sessionId } : {}),
      },
    });
  }

  /** The document's bytes; `wait` while what it must carry is not there yet, `gone` when its subject cannot have one. */
  private async make(manager: EntityManager, request: DocumentRequest): Promise<Made> {
    const context = (reference: string): LayoutContext => ({
      locale: request.language,
      words: wordsFor(request.language),
      verifyUrl: `${this.config.http.appUrl}/verify/${reference}`,
    });
    switch (request.kind) {
      case 'acknowledgement': {
        const application = await facts.applicationFacts(manager, request.applicationId!);
        if (!application) return 'gone';
        return { content: await acknowledgement(context(application.reference), application), reference: application.reference };
      }
      case 'decision-record': {
        const decision = await facts.decisionFacts(manager, request.voteId!);
        if (!decision) return 'gone';
        const inclusion = await this.log.inclusionOfLatest('application', decision.application.id, 'application.close-ballot');
        if (inclusion === 'none') return 'gone';
        if (inclusion === 'pending') return 'wait';
        const content = await decisionRecord(context(decision.application.reference), decision, inclusion);
        return { content, reference: decision.application.reference };
      }
      case 'certificate': {
        const voteId = await facts.approvingVoteOf(manager, request.applicationId!);
        const decision = voteId && (await facts.decisionFacts(manager, voteId));
        if (!decision) return 'gone';
        const layout = context(decision.application.reference);
        const qrCode = await QRCode.toBuffer(layout.verifyUrl, { type: 'png', margin: 1, width: 330, errorCorrectionLevel: 'M' });
        return { content: await certificate(layout, decision, qrCode), reference: decision.application.reference };
      }
      case 'minutes': {
        const found = await facts.minutesFacts(manager, request.sessionId!);
        if (!found) return 'gone';
        const layout = { ...context(''), verifyUrl: `${this.config.http.appUrl}/verify` };
        return { content: await minutes(layout, found) };
      }
    }
  }
}

const subjectOf = (request: DocumentRequest) =>
  request.voteId
    ? `vote ${request.voteId}`
    : request.applicationId
      ? `application ${request.applicationId}`
      : `session ${request.sessionId}`;
