import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { leafData } from './leaf-data.js';
import { LogError, LogErrorCode } from './log-error.js';
import { leafEntryOf } from '../audit-row.js';
import { LogRepository, type StoredCheckpoint } from './log.repository.js';
import { LogSigner } from './log-signer.js';
import { consistencyRanges, foldRange, inclusionRanges, type LeafRange, perfectSubtrees } from './merkle.js';

/** At most this many leaves per GET /log/entries. */
export const MAX_ENTRIES_PER_CALL = 1_000;

export interface InclusionProof {
  index: number;
  size: number;
  leafHash: string;
  proof: string[];
}

export interface ConsistencyProof {
  from: number;
  to: number;
  proof: string[];
}

/** Where an entry stands in the log, for the copies held outside the server (decision e-mails, results). */
export interface EntryInclusion {
  leafIndex: number;
  /** The signed note of the first checkpoint whose tree holds the entry. */
  checkpoint: string;
  treeSize: number;
  /** The RFC 9162 leaf hash of the entry, standard base64: what the proof starts from. */
  leafHash: string;
  /** Standard base64 hashes, RFC 9162 §2.1.3 order. */
  proof: string[];
}

/** An entry's leaf with its data, and the proof that the first checkpoint holding it includes it. */
export interface EntryLeaf extends EntryInclusion {
  /** The exact bytes the leaf hash covers (the entry's canonical JSON). */
  data: Buffer;
}

/**
 * What the log shows outsiders: the key, checkpoints, proofs (served only for sizes a checkpoint was signed
 * at), and the leaves' data. Reads stored nodes only: O(log n) of them per proof.
 */
@Injectable()
export class TransparencyLog {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signer: LogSigner,
  ) {}

  get verifierKey(): string {
    return this.signer.verifierKey;
  }

  async latestCheckpoint(): Promise<string> {
    const latest = await LogRepository.latestCheckpoint(this.dataSource.manager);
    if (!latest) throw new LogError(LogErrorCode.CheckpointNotFound, 'No checkpoint has been signed yet.');
    return latest.note;
  }

  async checkpoint(size: number): Promise<string> {
    return (await this.checkpointAt(size)).note;
  }

  async inclusionProof(index: number, size: number): Promise<InclusionProof> {
    await this.checkpointAt(size);
    if (index >= size) throw new LogError(LogErrorCode.OutOfRange, `Leaf ${index} is not in the tree of size ${size}.`, { index, size });
    const [leaf, ...proof] = await this.rangeHashes(this.dataSource.manager, [
      { start: index, end: index + 1 },
      ...inclusionRanges(index, size),
    ]);
    return { index, size, leafHash: leaf, proof };
  }

  async consistencyProof(from: number, to: number): Promise<ConsistencyProof> {
    if (from < 1 || from > to) {
      throw new LogError(LogErrorCode.OutOfRange, 'A consistency proof needs 1 ≤ from ≤ to.', { from, to });
    }
    await this.checkpointAt(from);
    await this.checkpointAt(to);
    return { from, to, proof: await this.rangeHashes(this.dataSource.manager, consistencyRanges(from, to)) };
  }

  /** Leaves [start, end) as `{index, data}`, data the exact bytes each leaf hash covers. */
  async entries(start: number, end: number): Promise<{ index: number; data: Buffer }[]> {
    const latest = await LogRepository.latestCheckpoint(this.dataSource.manager);
    const size = latest?.size ?? 0;
    if (start >= end || end - start > MAX_ENTRIES_PER_CALL || end > size) {
      throw new LogError(
        LogErrorCode.OutOfRange,
        `Ask for 1 to ${MAX_ENTRIES_PER_CALL} leaves from start to end−1 within the tree of size ${size}.`,
        { start, end, size },
      );
    }
    const rows = await LogRepository.leaves(this.dataSource.manager, start, end);
    return rows.map((row) => ({ index: Number(row.leaf_index), data: leafData(leafEntryOf(row)) }));
  }

  /** The entry's leaf, the first checkpoint holding it and the inclusion proof against it; undefined until integrated. */
  async inclusionOf(seq: number, manager: EntityManager = this.dataSource.manager): Promise<EntryInclusion | undefined> {
    const found = await LogRepository.firstCheckpointOf(manager, seq);
    if (!found) return undefined;
    const { leafIndex, checkpoint } = found;
    const [leafHash, ...proof] = await this.rangeHashes(manager, [
      { start: leafIndex, end: leafIndex + 1 },
      ...inclusionRanges(leafIndex, checkpoint.size),
    ]);
    return { leafIndex, checkpoint: checkpoint.note, treeSize: checkpoint.size, leafHash, proof };
  }

  /** The entry's leaf data with its inclusion (as inclusionOf); undefined until integrated. */
  async leafOf(seq: number): Promise<EntryLeaf | undefined> {
    const inclusion = await this.inclusionOf(seq);
    if (!inclusion) return undefined;
    const [row] = await LogRepository.leaves(this.dataSource.manager, inclusion.leafIndex, inclusion.leafIndex + 1);
    return { ...inclusion, data: leafData(leafEntryOf(row)) };
  }

  /**
   * Where the newest entry of `action` about a record stands: `none` when there is no such entry, `pending`
   * until the integrator has signed a checkpoint holding it (a second or so after its commit).
   */
  async inclusionOfLatest(entityType: string, entityId: string, action: string): Promise<EntryInclusion | 'pending' | 'none'> {
    const seq = await LogRepository.latestEntrySeq(this.dataSource.manager, entityType, entityId, action);
    if (seq === undefined) return 'none';
    return (await this.inclusionOf(seq)) ?? 'pending';
  }

  private async checkpointAt(size: number): Promise<StoredCheckpoint> {
    const checkpoint = await LogRepository.checkpointAt(this.dataSource.manager, size);
    if (!checkpoint) throw new LogError(LogErrorCode.CheckpointNotFound, `No checkpoint was signed at tree size ${size}.`, { size });
    return checkpoint;
  }

  /** The Merkle Tree Hash of each range (base64), from the stored perfect subtrees, read in one go. */
  private async rangeHashes(manager: EntityManager, ranges: readonly LeafRange[]): Promise<string[]> {
    const parts = ranges.map((range) => perfectSubtrees(range));
    const nodes = await LogRepository.nodes(manager, parts.flat());
    return parts.map((ids) =>
      foldRange(
        ids.map((id) => {
          const hash = nodes.get(LogRepository.nodeKey(id.level, id.index));
          if (!hash) throw new Error(`The tree lacks its node ${id.level}:${id.index}`);
          return hash;
        }),
      ).toString('base64'),
    );
  }
}
