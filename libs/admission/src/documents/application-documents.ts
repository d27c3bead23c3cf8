import type { EntityManager } from 'typeorm';
import { languagesOf, requestDocuments } from '@near/documents';
import type { Application } from '../application.entity.js';

// Which official documents each event of an application calls for, asked for in the event's own transaction
// (the worker makes them after commit, see @near/documents).

export async function onFiled(manager: EntityManager, application: Application): Promise<void> {
  await requestDocuments(manager, 'acknowledgement', { applicationId: application.id }, languagesOf('acknowledgement', application.locale));
}

export async function onDecided(manager: EntityManager, application: Application, voteId: string, outcome: string): Promise<void> {
  await requestDocuments(
    manager,
    'decision-record',
    { applicationId: application.id, voteId },
    languagesOf('decision-record', application.locale),
  );
  if (outcome === 'approved') {
    await requestDocuments(manager, 'certificate', { applicationId: application.id }, languagesOf('certificate', application.locale));
  }
}
