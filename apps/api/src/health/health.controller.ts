import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { PROBLEM_CONTENT_TYPE, problemType, withTimeout } from '@near/common';
import { NotificationLog } from '@near/notifications';
import { QueueName, REDIS } from '@near/queue';
import type { Queue } from 'bullmq';
import type { Role } from '@near/identity';
import { type AuthenticatedRequest, Public } from '../auth/access.decorators.js';
import { ProblemResponse } from '../http/problem-responses.decorator.js';

type CheckResult = { status: 'up' } | { status: 'down'; error: string };

const CHECK_TIMEOUT_MS = 2000;

const CHECK_SCHEMA = {
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string', enum: ['up', 'down'] },
    error: { type: 'string', description: 'Told the Secretariat and admins.' },
  },
};
const HEALTH_SCHEMA = {
  type: 'object',
  required: ['status', 'checks'],
  properties: {
    status: { type: 'string', enum: ['ok'] },
    checks: { type: 'object', required: ['database', 'redis'], properties: { database: CHECK_SCHEMA, redis: CHECK_SCHEMA } },
    details: { type: 'object', description: 'The outbox by status and the queue depth, for the Secretariat and admins.' },
  },
};

/** Who is told why a check failed, the outbox counts and the queue's depth; anyone else only up or down. */
const TOLD_DETAILS: readonly Role[] = ['secretariat', 'admin'];

/** A check as an anonymous caller sees it: up or down, without the error, which names hosts and ports. */
const upOrDown = (result: CheckResult) => ({ status: result.status });

async function check(probe: () => Promise<unknown>): Promise<CheckResult> {
  try {
    await withTimeout(probe(), CHECK_TIMEOUT_MS);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message || 'unreachable' };
  }
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @InjectQueue(QueueName.Notifications) private readonly notificationQueue: Queue,
    private readonly notifications: NotificationLog,
  ) {}

  /** The outbox by status and the queue's depth: what an operator looks at when mail seems slow. Best effort. */
  private async details(databaseUp: boolean, redisUp: boolean): Promise<Record<string, unknown>> {
    const [outbox, queue] = await Promise.all([
      databaseUp ? this.notifications.counts().catch(() => null) : null,
      redisUp ? this.notificationQueue.getJobCounts('waiting', 'active', 'delayed', 'failed').catch(() => null) : null,
    ]);
    return { notifications: { outbox, queue } };
  }

  /** The shared connection queues commands while Redis is away; a health check must not add to that queue. */
  private pingRedis(): Promise<unknown> {
    if (this.redis.status !== 'ready') return Promise.reject(new Error(`connection ${this.redis.status}`));
    return this.redis.ping();
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'Check that PostgreSQL and Redis answer' })
  @ApiOkResponse({
    description:
      'PostgreSQL and Redis both answer. Signed in as the Secretariat or an admin, the answer also holds the outbox counts and the queue depth (`details`).',
    schema: HEALTH_SCHEMA,
  })
  // Nothing the caller sends is read: only a request the server cannot parse gets a 4xx.
  @ProblemResponse('4XX')
  @ProblemResponse(503, 'One of them does not (problem+json with `checks`).')
  async health(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    const [database, redis] = await Promise.all([check(() => this.dataSource.query('SELECT 1')), check(() => this.pingRedis())]);
    const toldDetails = request.user !== undefined && TOLD_DETAILS.includes(request.user.role);
    const checks = toldDetails ? { database, redis } : { database: upOrDown(database), redis: upOrDown(redis) };
    const details = toldDetails ? { details: await this.details(database.status === 'up', redis.status === 'up') } : {};
    if (database.status === 'up' && redis.status === 'up') {
      await reply.status(200).send({ status: 'ok', checks, ...details });
      return;
    }
    const down = Object.entries(checks)
      .filter(([, result]) => result.status === 'down')
      .map(([name]) => name);
    await reply
      .status(503)
      .header('Content-Type', PROBLEM_CONTENT_TYPE)
      .header('Cache-Control', 'no-store')
      .send({
        type: problemType('service-unavailable'),
        title: 'Service Unavailable',
        status: 503,
        detail: `Unavailable: ${down.join(' and ')}.`,
        checks,
        ...details,
      });
  }
}
