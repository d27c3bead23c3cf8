import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GroupCommit } from '@near/common';
import { queryPreparedByIds } from '@near/database';
import { ACTIVE_CALLER_STATEMENT, ACTIVE_CALLERS_STATEMENT } from './active-caller-sql.js';
import type { AuthenticatedUser } from './authenticated-user.js';

/** The caller behind an access token: its user, its sign-in session, and whether the user has a second factor. */
export interface Caller {
  user: AuthenticatedUser;
  sessionId: string;
  secondFactor: boolean;
}

type CallerRow = AuthenticatedUser & { sessionId: string; secondFactor: boolean };

/**
 * The caller behind a token, read on every request: one prepared statement, no entity. The requests that
 * arrive while one read is on its way are read together in the next, one statement for all of them, and
 * each still sees the tables as they were after it arrived: the next request of a disabled user, or of an
 * ended session, is refused.
 */
@Injectable()
export class ActiveCallers {
  private readonly callers = new GroupCommit<string, CallerRow | null>(
    (sessionIds) =>
      queryPreparedByIds<CallerRow>(
        this.dataSource,
        { one: ACTIVE_CALLER_STATEMENT, many: ACTIVE_CALLERS_STATEMENT },
        sessionIds,
        (row) => row.sessionId,
      ),
    { maxBatch: 500, concurrency: 1 },
  );

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(sessionId: string): Promise<Caller | null> {
    const row = await this.callers.submit(sessionId);
    if (!row) return null;
    const { sessionId: id, secondFactor, ...user } = row;
    return { user, sessionId: id, secondFactor };
  }
}
