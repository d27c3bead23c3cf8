import { Injectable } from '@nestjs/common';
import { ApplicationReader } from '@near/admission';
import type { AuditEvent } from '@near/audit';
import { UserDirectory } from '@near/identity';
import { GovernmentsService } from '@near/registry';
import { SessionsService } from '@near/voting';
import { AuditEventDto } from './dto/audit-event.dto.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The words for the ids an audit page records: users by display name, governments by English name,
 * applications by reference, sessions by body and number. One query per kind, whatever the page size.
 */
@Injectable()
export class AuditNames {
  constructor(
    private readonly users: UserDirectory,
    private readonly governments: GovernmentsService,
    private readonly applications: ApplicationReader,
    private readonly sessions: SessionsService,
  ) {}

  async name(events: AuditEvent[]): Promise<AuditEventDto[]> {
    const ids = (type: string) => [...new Set(events.filter((e) => e.entityType === type && UUID.test(e.entityId)).map((e) => e.entityId))];
    const userIds = [...new Set([...events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])), ...ids('user')])];
    const governmentIds = [
      ...new Set([...events.flatMap((e) => (e.actorGovernmentId ? [e.actorGovernmentId] : [])), ...ids('government')]),
    ];
    const [users, governments, references, sessions] = await Promise.all([
      this.users.displayNames(userIds),
      this.governments.listByIds(governmentIds),
      this.applications.referencesOf(ids('application')),
      this.sessions.listByIds(ids('assembly')),
    ]);
    const governmentNames = new Map(governments.map((government) => [government.id, government.nameEn]));
    const sessionsById = new Map(sessions.map((session) => [session.id, { body: session.body, number: session.number }]));
    const entityName = (event: AuditEvent): string | null => {
      switch (event.entityType) {
        case 'application':
          return references.get(event.entityId) ?? null;
        case 'government':
          return governmentNames.get(event.entityId) ?? null;
        case 'user':
          return users.get(event.entityId) ?? null;
        default:
          return null;
      }
    };
    return events.map((event) => ({
      ...AuditEventDto.from(event),
      actorName: event.actorUserId ? (users.get(event.actorUserId) ?? null) : null,
      actorGovernmentName: event.actorGovernmentId ? (governmentNames.get(event.actorGovernmentId) ?? null) : null,
      entityName: entityName(event),
      entitySession: event.entityType === 'assembly' ? (sessionsById.get(event.entityId) ?? null) : null,
    }));
  }
}
