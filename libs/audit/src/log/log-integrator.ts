import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AdvisoryLock } from '@near/database';
import type { DataSource } from 'typeorm';
import { leafData } from './leaf-data.js';
import { leafEntryOf } from '../audit-row.js';
import { LogRepository } from './log.repository.js';
import { LogSigner } from './log-signer.js';
import { CompactRange, leafHash, type NodeId, perfectSubtrees } from './merkle.js';

/**
 * One integrator at a time: a transaction-scoped advisory lock, taken by the integrator only (never by a
 * request), released at commit or when its connection dies. The key that once serialized every writer of the
 * hash chain; nothing else takes it now.
 */
export const LOG_INTEGRATOR_LOCK_KEY = AdvisoryLock.LogIntegrator;

/** Leaves per transaction: one checkpoint each, a few milliseconds of work. */
export const INTEGRATION_BATCH = 5_000;

export interface IntegrationResult {
  /** `busy`: another process held the lock; nothing was done here. */
  outcome: 'integrated' | 'nothing-pending' | 'busy';
  leaves: number;
  treeSize?: number;
}

/**
 * Turns committed audit entries into leaves. In one transaction: take the lock (or leave it to whoever holds
 * it), read the pending entries in seq order, give them the next leaf indexes, store the perfect subtrees they
 * complete (O(log n) new nodes per leaf at worst, from the O(log n) stored right edge), and sign a checkpoint
 * of the new size. A process killed half-way rolls all of it back: nothing is lost, and since a leaf index is
 * given only by a commit, nothing forks.
 */
@Injectable()
export class LogIntegrator {
  private readonly logger = new Logger(LogIntegrator.name);
  private keyAnnounced = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signer: LogSigner,
  ) {}

  /** Integrates batches until nothing is pending (or another process has the lock). */
  async integrateAll(): Promise<IntegrationResult> {
    let total: IntegrationResult = { outcome: 'nothing-pending', leaves: 0 };
    for (;;) {
      const batch = await this.integrateBatch();
      if (batch.outcome !== 'integrated') return total.leaves > 0 ? total : batch;
      total = { outcome: 'integrated', leaves: total.leaves + batch.leaves, treeSize: batch.treeSize };
      if (batch.leaves < INTEGRATION_BATCH) return total;
    }
  }

  integrateBatch(limit = INTEGRATION_BATCH): Promise<IntegrationResult> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = (await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [LOG_INTEGRATOR_LOCK_KEY])) as {
        locked: boolean;
      }[];
      if (!locked) return { outcome: 'busy', leaves: 0 };
      const latest = await LogRepository.latestCheckpoint(manager);
      this.announceKey(latest?.verifierKey, latest?.size);
      const pending = await LogRepository.pending(manager, limit);
      const size = await LogRepository.treeSize(manager);
      if (latest && latest.size !== size) throw new Error(`The tree holds ${size} leaves but its latest checkpoint ${latest.size}`);
      if (pending.length === 0) {
        // The empty tree gets its checkpoint too, so that GET /log/checkpoint answers from the first start.
        if (!latest) await this.checkpoint(manager, 0, new CompactRange());
        return { outcome: 'nothing-pending', leaves: 0, treeSize: size };
      }

      const frontier = perfectSubtrees({ start: 0, end: size });
      const stored = await LogRepository.nodes(manager, frontier);
      const edge = frontier.map((id) => {
        const hash = stored.get(LogRepository.nodeKey(id.level, id.index));
        if (!hash) throw new Error(`The tree has lost its node ${id.level}:${id.index}; integration stops`);
        return { ...id, hash };
      });
      const completed: (NodeId & { hash: Buffer })[] = [];
      const range = new CompactRange(edge, (node) => {
        if (node.level > 0) completed.push(node);
      });
      const leaves = pending.map((row, i) => {
        const hash = leafHash(leafData(leafEntryOf(row)));
        range.append(hash);
        return { index: size + i, seq: Number(row.seq), hash };
      });
      await LogRepository.appendLeaves(manager, leaves);
      await LogRepository.appendNodes(manager, completed);
      await this.checkpoint(manager, range.size, range);
      return { outcome: 'integrated', leaves: leaves.length, treeSize: range.size };
    });
  }

  private async checkpoint(
    manager: Parameters<typeof LogRepository.appendCheckpoint>[0],
    size: number,
    range: CompactRange,
  ): Promise<void> {
    const root = range.root();
    await LogRepository.appendCheckpoint(manager, {
      size,
      root,
      note: this.signer.signCheckpoint(size, root),
      verifierKey: this.signer.verifierKey,
    });
  }

  /** A key is never replaced silently: the first integration of a process says which key signs, and when it changed. */
  private announceKey(previousKey: string | undefined, previousSize: number | undefined): void {
    if (this.keyAnnounced) return;
    this.keyAnnounced = true;
    const where = this.signer.keyFile ? `the development key kept in ${this.signer.keyFile}` : 'LOG_SIGNING_KEY';
    if (previousKey && previousKey !== this.signer.verifierKey) {
      this.logger.warn(
        `The log's signing key changed: checkpoints up to size ${previousSize} were signed by ${previousKey}; from now on ${this.signer.verifierKey} (${where}) signs`,
      );
    } else {
      this.logger.log(`Signing checkpoints of ${this.signer.origin} with ${this.signer.verifierKey} (${where})`);
    }
  }
}
