import { Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from './role.js';
import * as users from './user.repository.js';

/**
 * Who the users of a role are, for the libs that write to them (the admission's e-mails): addresses, names
 * and languages, nothing else. A module of its own, so that such a lib needs none of sign-in's machinery.
 */
@Injectable()
export class UserDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The active users of a role, of the given governments only when named, by e-mail address. */
  recipients(manager: EntityManager, filter: { role: Role; governmentIds?: readonly string[] }): Promise<users.DirectoryRecipient[]> {
    return users.activeRecipients(manager, filter);
  }

  /** Who these users are, in words: their display names by id (for the audit trail, which records ids). */
  displayNames(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    return users.displayNames(manager, ids);
  }
}

@Module({ providers: [UserDirectory], exports: [UserDirectory] })
export class UserDirectoryModule {}
