import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@near/config';
import { NotificationOutbox } from '@near/notifications';
import type { User } from './user.entity.js';

/** Where each link of an e-mail leads in the web app. */
const LINK_PATHS = { invitation: '/app/invitation/', 'password-reset': '/app/password-reset/' } as const;

/**
 * The e-mails about a user's own account, written as outbox rows in the caller's transaction, in the user's
 * language. A link's token is in the row only until the message is sent (the outbox then forgets it).
 */
@Injectable()
export class AccountMail {
  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly config: AppConfig,
  ) {}

  async link(manager: EntityManager, user: User, purpose: keyof typeof LINK_PATHS, token: string): Promise<void> {
    const link = `${this.config.http.appUrl}${LINK_PATHS[purpose]}${token}`;
    await this.outbox.add(manager, {
      event: purpose,
      applicationId: null,
      data: { name: user.displayName, link },
      recipients: [recipientOf(user)],
    });
  }

  async passwordChanged(manager: EntityManager, user: User): Promise<void> {
    await this.outbox.add(manager, {
      event: 'password-changed',
      applicationId: null,
      data: { name: user.displayName },
      recipients: [recipientOf(user)],
    });
  }
}

const recipientOf = (user: User) => ({ address: user.email, name: user.displayName, userId: user.id, locale: user.locale });
