import { describe, expect, it } from '@jest/globals';
import { GroupCommit } from './group-commit.js';

interface Item {
  key: string;
  value: number;
}

/** A writer that records its batches and answers each item after `release()` is called for that batch. */
function recordingWriter(answer: (item: Item) => number | Error = (item) => item.value * 10) {
  const batches: Item[][] = [];
  const releases: (() => void)[] = [];
  const write = (items: Item[]) => {
    batches.push(items);
    return new Promise<(number | Error)[]>((resolve) => releases.push(() => resolve(items.map(answer))));
  };
  return { write, batches, release: (index: number) => releases[index]() };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('writes a lone item at once, and what arrives meanwhile together in the next batch', async () => {
    const writer = recordingWriter();
    const commit = new GroupCommit(writer.write, { maxBatch: 10, concurrency: 1 });
    const first = commit.submit({ key: 'a', value: 1 });
    const later = [commit.submit({ key: 'b', value: 2 }), commit.submit({ key: 'c', value: 3 })];
    expect(writer.batches).toEqual([[{ key: 'a', value: 1 }]]);
    writer.release(0);
    expect(await first).toBe(10);
    await settle();
    expect(writer.batches[1]).toEqual([
      { key: 'b', value: 2 },
      { key: 'c', value: 3 },
    ]);
    writer.release(1);
    expect(await Promise.all(later)).toEqual([20, 30]);
  });

  it('puts equal items in one batch, in the order they were submitted', async () => {
    const writer = recordingWriter();
    const commit = new GroupCommit(writer.write, { maxBatch: 10, concurrency: 1 });
    const blocker = commit.submit({ key: 'x', value: 0 });
    const answers = [1, 2, 3].map((value) => commit.submit({ key: 'same', value }));
    writer.release(0);
    await blocker;
    await settle();
    expect(writer.batches.map((batch) => batch.map((item) => item.value))).toEqual([[0], [1, 2, 3]]);
    writer.release(1);
    expect(await Promise.all(answers)).toEqual([10, 20, 30]);
  });

  it('refuses only the item the writer answered with an error, and every item of a batch whose write threw', async () => {
    const refusal = new Error('not on the roll');
    const writer = recordingWriter((item) => (item.value === 2 ? refusal : item.value));
    const commit = new GroupCommit(writer.write, { maxBatch: 10, concurrency: 1 });
    const blocker = commit.submit({ key: 'x', value: 0 });
    const refused = commit.submit({ key: 'b', value: 2 });
    const accepted = commit.submit({ key: 'c', value: 3 });
    writer.release(0);
    await blocker;
    await settle();
    writer.release(1);
    await expect(refused).rejects.toBe(refusal);
    await expect(accepted).resolves.toBe(3);

    const broken = new GroupCommit<Item, number>(() => Promise.reject(new Error('database unavailable')), { maxBatch: 10, concurrency: 1 });
    await expect(Promise.all([broken.submit({ key: 'a', value: 1 }), broken.submit({ key: 'b', value: 2 })])).rejects.toThrow(
      'database unavailable',
    );
  });

  it('writes at most maxBatch items at once and at most `concurrency` batches at a time', async () => {
    const writer = recordingWriter();
    const commit = new GroupCommit(writer.write, { maxBatch: 2, concurrency: 2 });
    const all = Array.from({ length: 7 }, (_, value) => commit.submit({ key: `k${value}`, value }));
    expect(writer.batches.map((batch) => batch.length)).toEqual([1, 1]);
    for (let batch = 0; batch < 5; batch += 1) {
      writer.release(batch);
      await settle();
    }
    await Promise.all(all);
    expect(writer.batches.map((batch) => batch.length)).toEqual([1, 1, 2, 2, 1]);
  });
});
