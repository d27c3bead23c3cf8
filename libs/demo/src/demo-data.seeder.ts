import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { localeOfCountry } from '@near/common';
import { SYSTEM_CONTEXT } from '@near/audit';
import { AppConfig } from '@near/config';
import { AdvisoryLock } from '@near/database';
import { hashPassword, UsersService } from '@near/identity';
import { FEE_DUE_MONTH_DAY, Government } from '@near/registry';
import { Assembly } from '@near/voting';
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
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Several API processes may start at once: the lock and the flag make the seeding happen exactly once.
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK_KEY]);
      const seeded = await manager.query('SELECT 1 FROM system_flags WHERE name = $1', [SEEDED_FLAG]);
      if (seeded.length > 0) return;
      await this.seedUsers(manager);
      await this.seedAssemblies(manager);
      await this.seedFeePayments(manager);
      await manager.query('INSERT INTO system_flags (name) VALUES ($1)', [SEEDED_FLAG]);
      this.logger.log('Demo data seeded');
    });
  }

  private async seedUsers(manager: EntityManager): Promise<void> {
    const governments = manager.getRepository(Government);
    await this.users.create(
      { ...DEMO_LOGINS.secretariat, displayName: 'Secretariat Officer (Pohang)', role: 'secretariat', locale: 'ko' },
      SYSTEM_CONTEXT,
      { manager },
    );
    const liaoning = await governments.findOneByOrFail({ country: 'CN', nameEn: 'Liaoning' });
    await this.users.create(
      {
        ...DEMO_LOGINS.applicant,
        displayName: 'Liaoning Foreign Affairs Office',
        role: 'applicant',
        governmentId: liaoning.id,
        locale: 'zh',
      },
      SYSTEM_CONTEXT,
      { manager },
    );
    // One slow hash shared by every demo delegate, instead of seventy.
    const delegateHash = await hashPassword(DEMO_LOGINS.delegatePassword);
    const members = await governments.find({ where: { status: 'member' }, order: { country: 'ASC', nameEn: 'ASC' } });
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

  private async seedAssemblies(manager: EntityManager): Promise<void> {
    const governments = manager.getRepository(Government);
    const assemblies = manager.getRepository(Assembly);
    for (const past of PAST_GENERAL_ASSEMBLIES) {
      const host = await governments.findOneByOrFail({ nameEn: past.host });
      await assemblies.insert({
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
    const ningxia = await governments.findOneByOrFail({ nameEn: 'Ningxia Hui Autonomous Region' });
    const nextYear = new Date().getUTCFullYear() + 1;
    await assemblies.insert({
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
    await manager.query(
      `INSERT INTO fee_payments (government_id, year, paid_on)
       SELECT g.id, y, make_date(y, 4, 15)
       FROM governments g CROSS JOIN generate_series($1::int, $2::int) AS y
       WHERE g.status = 'member' AND g.name_en <> ALL ($3::text[])
         AND (g.member_since IS NULL OR y > extract(year FROM g.member_since))`,
      [this.config.fees.trackedFrom, lastYearDue, DEMO_UNPAID_MEMBERS],
    );
  }
}
