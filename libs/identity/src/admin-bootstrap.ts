import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail, SYSTEM_CONTEXT } from '@near/audit';
import { AppConfig } from '@near/config';
import { hashPassword } from './password-hasher.js';
import * as users from './user.repository.js';

/** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when the system has no admin at all. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditTrail,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.hasActiveAdmin()) return;
    const hash = await hashPassword(this.config.admin.password);
    const email = this.config.admin.email.toLowerCase();
    const created = await this.dataSource.transaction(async (manager) => {
      const id = await users.insertFirstAdmin(manager, email, hash);
      if (id) {
        await this.audit.record(manager, SYSTEM_CONTEXT, {
          action: 'user.created',
          entityType: 'user',
          entityId: id,
          stateBefore: null,
          stateAfter: 'active',
          payload: { email, displayName: 'Administrator', role: 'admin', governmentId: null, locale: 'en', bootstrap: true },
        });
      }
      return id;
    });
    if (created) {
      this.logger.log(`Created the first admin user ${this.config.admin.email}`);
    } else if (!(await this.hasActiveAdmin())) {
      // Nothing was created, and not because a process starting beside this one created the admin first.
      this.logger.warn(`No active admin exists and ${this.config.admin.email} belongs to another user: set ADMIN_EMAIL to a free address`);
    }
  }

  private hasActiveAdmin(): Promise<boolean> {
    return users.hasActiveAdmin(this.dataSource.manager);
  }
}
