import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GroupCommit } from '@near/common';
import { AppConfig } from '@near/config';
import { entitiesFromRows, entityFromRow, queryPreparedByIds } from '@near/database';
import type { Acting, AuthenticatedUser } from '@near/identity';
import { Government, GovernmentsService } from '@near/registry';
import { offsetMs, Session } from '@near/voting';
import { AdmissionError, AdmissionErrorCode } from '../admission-error.js';
import { ApplicationLetter } from '../application-letter.entity.js';
import { ApplicationMessage } from '../application-message.entity.js';
import { ownsApplication } from '../application-visibility.js';
import { Application } from '../application.entity.js';
import * as applications from '../application.repository.js';
import { ELIGIBILITY_CRITERION_CODES } from '../eligibility-criteria.js';
import { EligibilityCriterion } from '../eligibility-criterion.entity.js';
import { loadVisible, visibleOrNotFound } from '../transitions/application-transitions.service.js';
import type { ApplicationState } from '../workflow/application-workflow.js';
import { Workflow } from '../workflow/workflow.js';
import type { ApplicationListItem, ApplicationView } from './application-view.js';
import { ApplicationMessagesRepository } from './application-messages.repository.js';
import { APPLICATION_VIEW_STATEMENT, APPLICATION_VIEWS_STATEMENT, LATEST_MESSAGES } from './application-view-sql.js';

export interface ApplicationFilter {
  state?: ApplicationState;
  country?: string;
  assemblyId?: string;
  /** Only those the caller can act on now (a non-empty `allowedActions`). */
  actionable?: boolean;
  /** Only those whose request for information is unanswered past its last reminder (INFO_REQUEST_REMINDERS). */
  overdue?: boolean;
  /** Text found in the reference or in the government's English or local name, in any case. */
  q?: string;
}

export interface Page {
  /** Opaque: the `nextCursor` of the previous page. */
  cursor?: string;
  limit: number;
}

type JsonRow = Record<string, unknown>;
interface ViewRow {
  application: JsonRow;
  government: JsonRow;
  criteria: JsonRow[];
  session: JsonRow | null;
  letter: JsonRow | null;
  messages: JsonRow[];
}

const encodeMessageCursor = (createdAt: string, id: string) => Buffer.from(`m:${createdAt}|${id}`).toString('base64url');

function decodeMessageCursor(cursor: string): { createdAt: string; id: string } | undefined {
  const match = /^m:(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(
    Buffer.from(cursor, 'base64url').toString(),
  );
  return match && !Number.isNaN(Date.parse(match[1])) ? { createdAt: match[1], id: match[2] } : undefined;
}

const encodeCursor = (position: string) => Buffer.from(`p:${position}`).toString('base64url');
const MAX_POSITION = 9_223_372_036_854_775_807n;

function decodeCursor(cursor: string): string | null {
  const match = /^p:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match && BigInt(match[1]) <= MAX_POSITION ? match[1] : null;
}

@Injectable()
export class ApplicationReader {
  private readonly views = new GroupCommit<string, ViewRow | null>((ids) => this.readViews(ids), { maxBatch: 100, concurrency: 2 });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflow: Workflow,
    private readonly governments: GovernmentsService,
    private readonly config: AppConfig,
  ) {}

  /** A request made at or before this moment is past its last reminder. */
  private overdueSince(): Date {
    return new Date(Date.now() - Math.max(...this.config.infoRequestReminders.map((reminder) => offsetMs(reminder) ?? 0)));
  }

  /**
   * One statement: the application, its government, criteria, session, newest letter and messages. The views
   * asked for while one read is on its way are read together in the next statement, which starts after each
   * of them was asked for: an answer never misses what was committed before its request.
   */
  async get(applicationId: string, acting: Acting): Promise<ApplicationView> {
    const found = await this.views.submit(applicationId);
    const application = visibleOrNotFound(found && entityFromRow(this.dataSource, Application, found.application), applicationId, acting);
    const row = found!; // visibleOrNotFound refused a missing one
    const criteria = entitiesFromRows(this.dataSource, EligibilityCriterion, row.criteria);
    criteria.sort((a, b) => ELIGIBILITY_CRITERION_CODES.indexOf(a.code as never) - ELIGIBILITY_CRITERION_CODES.indexOf(b.code as never));
    return {
      application,
      government: entityFromRow(this.dataSource, Government, row.government),
      criteria,
      session: row.session ? entityFromRow(this.dataSource, Session, row.session) : null,
      letter: row.letter ? entityFromRow(this.dataSource, ApplicationLetter, row.letter) : null,
      // Read oldest first, with one more than shown when there are earlier ones.
      messages: entitiesFromRows(this.dataSource, ApplicationMessage, row.messages.slice(-LATEST_MESSAGES)),
      earlierMessages: row.messages.length > LATEST_MESSAGES,
      allowedActions: this.allowedActions(application, acting.user),
    };
  }

  /** The application if the caller may see it; "not found" otherwise. */
  visible(applicationId: string, acting: Acting): Promise<Application> {
    return loadVisible(this.dataSource.manager, applicationId, acting);
  }

  /** Newest first; the cursor is a position in filing order, so pages stay stable while others file. */
  async list(filter: ApplicationFilter, page: Page, acting: Acting): Promise<{ items: ApplicationListItem[]; nextCursor: string | null }> {
    const user = acting.user;
    let before: string | undefined;
    if (page.cursor) {
      const position = decodeCursor(page.cursor);
      if (!position) throw new AdmissionError(AdmissionErrorCode.InvalidCursor, 'The cursor is not one this API gave out.');
      before = position;
    }
    let governmentIds = user.role === 'applicant' ? [user.governmentId!] : undefined;
    if (filter.country) {
      const inCountry = (await this.governments.list({ country: filter.country })).map((government) => government.id);
      governmentIds = governmentIds ? governmentIds.filter((id) => inCountry.includes(id)) : inCountry;
    }
    let states: ApplicationState[] | undefined = filter.state ? [filter.state] : undefined;
    if (filter.actionable) {
      // An applicant only ever lists its own government's applications: it owns each one it sees.
      const actionable = this.workflow.statesWithActionsFor({ role: user.role, ownsApplication: user.role === 'applicant' });
      states = states ? states.filter((state) => actionable.includes(state)) : actionable;
    }
    const text = filter.q?.trim();
    const search = text ? { text, governmentIds: await this.governments.idsNamed(text) } : undefined;
    const rows = await applications.list(this.dataSource.manager, {
      search,
      governmentIds,
      onAnAgenda: user.role === 'delegate',
      none: user.role === 'admin',
      states,
      assemblyId: filter.assemblyId,
      requestedBefore: filter.overdue ? this.overdueSince() : undefined,
      before,
      limit: page.limit + 1,
    });
    const items = rows.slice(0, page.limit);
    const governments = await this.governments.listByIds([...new Set(items.map((a) => a.governmentId))]);
    return {
      items: items.map((application) => ({
        application,
        government: governments.find((g) => g.id === application.governmentId)!,
        allowedActions: this.allowedActions(application, user),
      })),
      nextCursor: rows.length > page.limit ? encodeCursor(items[items.length - 1].listPosition) : null,
    };
  }

  /** An application's messages, newest first, a page at a time (keyset on time and id). */
  async messages(applicationId: string, page: Page, acting: Acting): Promise<{ items: ApplicationMessage[]; nextCursor: string | null }> {
    await this.visible(applicationId, acting);
    let before: { createdAt: string; id: string } | undefined;
    if (page.cursor) {
      before = decodeMessageCursor(page.cursor);
      if (!before) throw new AdmissionError(AdmissionErrorCode.InvalidCursor, 'The cursor is not one this API gave out.');
    }
    const rows = await ApplicationMessagesRepository.page(this.dataSource.manager, applicationId, before, page.limit + 1);
    const items = entitiesFromRows(
      this.dataSource,
      ApplicationMessage,
      rows.slice(0, page.limit).map((row) => row.message),
    );
    const last = rows[page.limit - 1];
    return { items, nextCursor: rows.length > page.limit ? encodeMessageCursor(last.created_at, items[items.length - 1].id) : null };
  }

  /** The references of these applications, by id (for the audit trail, which records ids). */
  referencesOf(ids: readonly string[]): Promise<Map<string, string>> {
    return applications.referencesOf(this.dataSource.manager, ids);
  }

  /** The id of the application with this reference (any case), or null. */
  idOfReference(reference: string): Promise<string | null> {
    return applications.idOfReference(this.dataSource.manager, reference);
  }

  /** The applications placed on a session's agenda, oldest first. */
  agendaOf(assemblyId: string): Promise<Application[]> {
    return applications.listOnAgenda(this.dataSource.manager, assemblyId);
  }

  private readViews(ids: string[]): Promise<(ViewRow | null)[]> {
    const statements = { one: APPLICATION_VIEW_STATEMENT, many: APPLICATION_VIEWS_STATEMENT };
    return queryPreparedByIds<ViewRow>(this.dataSource, statements, ids, (row) => row.application.id as string);
  }

  private allowedActions(application: Application, user: AuthenticatedUser) {
    return this.workflow.allowedActions(application.state, { role: user.role, ownsApplication: ownsApplication(user, application) });
  }
}
