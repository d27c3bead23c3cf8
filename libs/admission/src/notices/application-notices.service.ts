import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { englishOrdinal } from '@near/common';
import {
  type CorrectionFacts,
  correctionsText,
  ENGLISH_CORRECTION_WORDS,
  type DecisionFacts,
  type NotificationData,
  type ApplicationNotificationEvent,
  NotificationOutbox,
  type Recipient,
  type SessionFacts,
  sessionWhenInEnglish,
  UTC_ZONE,
} from '@near/notifications';
import { GovernmentsService } from '@near/registry';
import { SessionsService, type Session } from '@near/voting';
import * as attachments from '../application-attachment.repository.js';
import type { Application } from '../application.entity.js';
import { AudienceRecipients } from './audience-recipients.js';
import type { Audience } from './audience.js';
import type { NotificationRule } from '../workflow/application-workflow.js';

/** What the change itself tells the e-mails, beyond the application: the message, the reasons, the outcome. */
export interface NoticeDetails {
  message?: string;
  reasons?: string;
  reason?: string;
  /** A deferral caused by its session's cancellation, with no reason given. */
  cancelledSession?: SessionFacts;
  outcome?: string;
  explanation?: string;
  /** What the explanation says, for languages other than English to word it. */
  decision?: DecisionFacts;
  /** When a request for information was made (ISO 8601), for its reminders. */
  requestedAt?: string;
  /** The governments whose ballot was counted: their delegates are thanked in the decision, no one else. */
  voters?: readonly string[];
  /** An answer's corrections of the application (respond's input), and the attachments it sent. */
  category?: string;
  headOfGovernment?: string;
  statementOfPurpose?: string;
  contact?: { name: string; email: string; phone?: string | null };
  attachmentIds?: readonly string[];
}

const BODY_NAMES: Record<Session['body'], string> = {
  general_assembly: 'General Assembly',
  working_committee: 'Working Committee',
  written_procedure: 'written procedure',
};

/** In English: `10th General Assembly`, `3rd written procedure`. */
export const sessionName = (session: Pick<Session, 'body' | 'number'>) => `${englishOrdinal(session.number)} ${BODY_NAMES[session.body]}`;

// English as the e-mails write it: `15 September 2026` (the other languages word these themselves, from the facts,
// in libs/notifications/src/phrases).
const ENGLISH_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** In English, a deadline in UTC said as such (the sender words it again for a reader whose zone is known). */
export const sessionWhen = (session: Session): string => sessionWhenInEnglish(sessionFacts(session), UTC_ZONE);

export function sessionFacts(session: Session): SessionFacts {
  const { body, number, startsOn, endsOn, venue, deadline } = session;
  return { body, number, startsOn, endsOn, venue, deadline: deadline?.toISOString() ?? null };
}

/** Turns the notification rules of an action (or of filing) into outbox rows, with each template's data. */
@Injectable()
export class ApplicationNotices {
  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly governments: GovernmentsService,
    private readonly sessions: SessionsService,
    private readonly audiences: AudienceRecipients,
  ) {}

  async send(
    manager: EntityManager,
    rules: readonly NotificationRule[],
    application: Application,
    details: NoticeDetails = {},
  ): Promise<void> {
    if (rules.length === 0) return;
    const government = await this.governments.get(application.governmentId, manager);
    const session = application.assemblyId ? await this.sessions.get(application.assemblyId, manager) : null;
    const { nameEn, nameLocal, country } = government;
    // The English name with the local one for English; each language names the government itself from the facts.
    const base = {
      reference: application.reference,
      governmentName: nameLocal && nameLocal !== nameEn ? `${nameEn} (${nameLocal})` : nameEn,
      government: { nameEn, nameLocal, country },
    };
    const named = session ? { sessionName: sessionName(session), session: sessionFacts(session) } : { sessionName: '' };
    const onSession = { ...named, sessionWhen: session ? sessionWhen(session) : '' };
    const corrected: CorrectionFacts = {
      ...(details.category ? { category: details.category } : {}),
      ...(details.headOfGovernment ? { headOfGovernment: details.headOfGovernment } : {}),
      ...(details.statementOfPurpose ? { statementOfPurpose: details.statementOfPurpose } : {}),
      ...(details.contact ? { contact: details.contact } : {}),
      attachments: await attachments.titlesOf(manager, application.id, details.attachmentIds ?? []),
    };
    const data: { [E in ApplicationNotificationEvent]: () => NotificationData[E] } = {
      'submission-acknowledged': () => ({ ...base, category: application.category }),
      'submission-received': () => ({ ...base, category: application.category }),
      'information-requested': () => ({ ...base, message: details.message ?? '' }),
      'information-reminder': () => ({
        ...base,
        message: details.message ?? '',
        requestedOn: details.requestedAt ? ENGLISH_DAY.format(new Date(details.requestedAt)) : '',
        requestedAt: details.requestedAt ?? '',
      }),
      'response-received': () => ({
        ...base,
        message: details.message ?? '',
        corrections: correctionsText(ENGLISH_CORRECTION_WORDS, corrected),
        corrected,
      }),
      'declared-eligible': () => base,
      'declared-ineligible': () => ({ ...base, reasons: details.reasons ?? '' }),
      'placed-on-agenda': () => ({ ...base, ...onSession }),
      'ballot-opened': () => ({ ...base, ...named }),
      'ballot-closed': () => ({ ...base, ...named, outcome: details.outcome ?? '' }),
      decision: () => ({
        ...base,
        ...named,
        outcome: details.outcome ?? '',
        explanation: details.explanation ?? '',
        decision: details.decision,
      }),
      deferred: () => ({
        ...base,
        reason: details.reason ?? '',
        ...(details.cancelledSession ? { cancelledSession: details.cancelledSession } : {}),
      }),
      withdrawn: () => ({ ...base, reason: details.reason ?? '' }),
    };
    const voters =
      details.voters?.length && rules.some((rule) => rule.event === 'decision')
        ? new Set((await this.audiences.delegatesOf(manager, details.voters)).map((delegate) => delegate.address))
        : new Set<string>();
    for (const rule of rules) {
      // Each recipient's copy: the delegates of a government whose ballot counted are thanked in the decision;
      // a delegate sees an application only while it is on an agenda, so once it has left one their copy links
      // to their agenda instead.
      const copies = new Map<string, { variant: CopyVariant; recipients: Recipient[] }>();
      for (const audience of rule.to) {
        for (const recipient of await this.audiences.of(manager, audience, application, government)) {
          const variant: CopyVariant = {
            ...(rule.event === 'decision' && voters.has(recipient.address) ? { thanks: 'voted' as const } : {}),
            ...(DELEGATE_AUDIENCES.has(audience) && !application.assemblyId ? { page: 'agenda' as const } : {}),
          };
          const key = JSON.stringify(variant);
          if (!copies.has(key)) copies.set(key, { variant, recipients: [] });
          copies.get(key)!.recipients.push(recipient);
        }
      }
      for (const { variant, recipients } of copies.values()) {
        await this.outbox.add(manager, {
          event: rule.event,
          applicationId: application.id,
          data: { ...data[rule.event](), ...variant },
          recipients,
        });
      }
    }
  }
}

/** What one recipient's copy of a message adds to the data all copies share. */
interface CopyVariant {
  thanks?: 'voted';
  page?: 'agenda';
}

const DELEGATE_AUDIENCES: ReadonlySet<Audience> = new Set(['member-delegates', 'present-delegates']);
