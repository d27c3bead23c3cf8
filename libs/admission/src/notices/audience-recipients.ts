import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserDirectory } from '@near/identity';
import type { Recipient } from '@near/notifications';
import { type Government, GovernmentsService } from '@near/registry';
import { SessionsService, Attendance, VoteBook } from '@near/voting';
import type { Application } from '../application.entity.js';
import type { Audience } from './audience.js';

/** Turns the audiences of the workflow table into the people an application's e-mail goes to, when the change commits. */
@Injectable()
export class AudienceRecipients {
  constructor(
    private readonly directory: UserDirectory,
    private readonly governments: GovernmentsService,
    private readonly sessions: SessionsService,
    private readonly attendance: Attendance,
    private readonly votes: VoteBook,
  ) {}

  /** `government`: the applicant's, whose time zone its contact reads times in. */
  async of(manager: EntityManager, audience: Audience, application: Application, government: Government): Promise<Recipient[]> {
    switch (audience) {
      case 'applicant-contact':
        // The contact named in the application, in the application's language.
        return [
          {
            address: application.contactEmail,
            name: application.contactName,
            userId: null,
            locale: application.locale,
            timeZone: government.timeZone,
          },
        ];
      case 'secretariat':
        // The Secretariat speaks for no government: its times are its language's (UTC for English).
        return this.directory.recipients(manager, { role: 'secretariat' });
      case 'member-delegates': {
        const members = await this.governments.list({ status: 'member' }, manager);
        return this.delegatesOf(
          manager,
          members.map((member) => member.id),
        );
      }
      case 'present-delegates':
        return this.delegatesOf(manager, await this.votingGovernments(manager, application));
    }
  }

  /** The delegates of these governments, each with its government's time zone. */
  async delegatesOf(manager: EntityManager, governmentIds: readonly string[]): Promise<Recipient[]> {
    if (governmentIds.length === 0) return [];
    const delegates = await this.directory.recipients(manager, { role: 'delegate', governmentIds });
    const zones = await this.governments.timeZonesOf(governmentIds, manager);
    return delegates.map(({ governmentId, ...delegate }) => ({ ...delegate, timeZone: (governmentId && zones.get(governmentId)) ?? null }));
  }

  /**
   * The governments that may vote on the application: on its roll (the members with voting rights when the ballot
   * opened) and, at a meeting, recorded present; in a written procedure, the whole roll. A present government in
   * arrears, or an observer, is told of the ballot by the agenda and the decision, never asked to vote.
   */
  private async votingGovernments(manager: EntityManager, application: Application): Promise<string[]> {
    if (!application.assemblyId) return [];
    const session = await this.sessions.get(application.assemblyId, manager);
    const roll = await this.votes.rollOf(manager, application.id, session.id);
    if (session.body === 'written_procedure') return roll;
    const present = new Set(await this.attendance.presentAt(session.id, manager));
    return roll.filter((governmentId) => present.has(governmentId));
  }
}
