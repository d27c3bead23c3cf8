import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { localeOfCountry } from '@near/common';
import { SYSTEM_CONTEXT } from '@near/audit';
import { AppConfig } from '@near/config';
import { AdvisoryLock } from '@near/database';
import { hashPassword, UsersService } from '@near/identity';
import { FEE_DUE_MONTH_DAY, type Government, GovernmentsService } from '@near/registry';
import * as demo from './demo-data.repository.js';
import { PAST_GENERAL_ASSEMBLIES } from './past-assemblies.js';

export const DEMO_LOGINS = {
  secretariat: { email: 'secretariat@near.example', password: 'secretariat-demo' },
  applicant: { email: 'applicant.liaoning@near.example', password: 'applicant-demo' },
  delegatePassword: 'delegate-demo',
} as const;

/** Members that have paid no fee, so that the demo shows governments without a vote. */
export const DEMO_UNPAID_MEMBERS = ['Khovd', 'Uvs'] as const;

const SEEDED_FLAG = 'demo-data-seeded';
const DEMO_LOCK_KEY = AdvisoryLock.DemoData;

/** `Bayan-Ölgii` → `bayan-olgii`: the part of a delegate's demo e-mail that names its government. */
export function governmentSlug(nameEn: string): string {
  return nameEn
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

@Injectable()
export class DemoDataSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly governments: GovernmentsService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Several API processes may start at once: the lock and the flag make the seeding happen exactly once.
    await this.dataSource.transaction(async (manager) => {
      if (await demo.lockAndCheckSeeded(manager, DEMO_LOCK_KEY, SEEDED_FLAG)) return;
      const governments = await this.governments.list({}, manager);
      const named = (nameEn: string) => governments.find((government) => government.nameEn === nameEn)!;
      await this.seedUsers(manager, named, governments);
      await this.seedAssemblies(manager, named);
      await this.seedFeePayments(manager);
      await demo.markSeeded(manager, SEEDED_FLAG);
      this.logger.log('Demo data seeded');
    });
  }

  private async seedUsers(manager: EntityManager, named: (nameEn: string) => Government, governments: Government[]): Promise<void> {
    // The demo logins are documented, not chosen: hashed as given, past the rules a chosen password must pass
    // ("secretariat-demo" holds its address's local part).
    await this.users.create(
      { ...DEMO_LOGINS.secretariat, displayName: 'Secretariat Officer (Pohang)', role: 'secretariat', locale: 'ko' },
      SYSTEM_CONTEXT,
      { manager, passwordHash: await hashPassword(DEMO_LOGINS.secretariat.password) },
    );
    const liaoning = named('Liaoning');
    await this.users.create(
      {
        ...DEMO_LOGINS.applicant,
        displayName: 'Liaoning Foreign Affairs Office',
        role: 'applicant',
        governmentId: liaoning.id,
        locale: 'zh',
      },
      SYSTEM_CONTEXT,
      { manager, passwordHash: await hashPassword(DEMO_LOGINS.applicant.password) },
    );
    // One slow hash shared by every demo delegate, instead of seventy.
    const delegateHash = await hashPassword(DEMO_LOGINS.delegatePassword);
    const members = governments.filter((government) => government.status === 'member');
    for (const member of members) {
      await this.users.create(
        {
          email: `delegate.${governmentSlug(member.nameEn)}@near.example`,
          password: DEMO_LOGINS.delegatePassword,
          displayName: `Delegate of ${member.nameEn}`,
          role: 'delegate',
          governmentId: member.id,
          locale: localeOfCountry(member.country),
        },
        SYSTEM_CONTEXT,
        { manager, passwordHash: delegateHash },
      );
    }
  }

  private async seedAssemblies(manager: EntityManager, named: (nameEn: string) => Government): Promise<void> {
    for (const past of PAST_GENERAL_ASSEMBLIES) {
      const host = named(past.host);
      await demo.insertSession(manager, {
        body: 'general_assembly',
        number: past.number,
        hostGovernmentId: host.id,
        startsOn: `${past.month}-01`,
        endsOn: `${past.month}-01`,
        venue: past.host,
        status: 'closed',
        notes: `${past.notes} (Only the month is recorded.)`,
      });
    }
    const ningxia = named('Ningxia Hui Autonomous Region');
    const nextYear = new Date().getUTCFullYear() + 1;
    await demo.insertSession(manager, {
      body: 'general_assembly',
      number: 9,
      hostGovernmentId: ningxia.id,
      startsOn: `${nextYear}-09-15`,
      endsOn: `${nextYear}-09-17`,
      venue: 'Yinchuan, Ningxia Hui Autonomous Region',
      status: 'scheduled',
      notes: null,
    });
  }

  /**
   * Every member has paid each year from FEES_TRACKED_FROM whose due date has passed, on 15 April, except
   * DEMO_UNPAID_MEMBERS. Inserted directly, without audit entries or a recorder: like the registry the
   * foundation migration seeds, this stands for history from before the system, not for an act of the
   * secretariat; `recorded_by` stays null to say so.
   */
  private async seedFeePayments(manager: EntityManager): Promise<void> {
    const today = new Date().toISOString().slice(0, 10);
    const thisYear = Number(today.slice(0, 4));
    const lastYearDue = `${thisYear}-${FEE_DUE_MONTH_DAY}` < today ? thisYear : thisYear - 1;
    await demo.insertFeesPaid(manager, this.config.fees.trackedFrom, lastYearDue, DEMO_UNPAID_MEMBERS);
  }
}
