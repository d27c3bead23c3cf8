/**
 * Group commit: what is submitted while a batch is being written waits, and is written together with the rest
 * in the next batch, so that N writers arriving at once cost a few transactions instead of N. Nothing waits on
 * purpose: a lone item is written at once. The batch is only a way of writing; the truth is what the write
 * committed, so several processes may each have their own. Reads batch the same way: a batch's statement
 * starts after each of its items was submitted, so it sees everything committed before any of them.
 *
 * `write` answers each item of a batch with a result or an Error of its own (a refusal that leaves the others
 * to commit); if it throws, every item of that batch gets the error.
 */
export class GroupCommit<Item, Result> {
  private readonly waiting: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  private running = 0;

  constructor(
    private readonly write: (items: Item[]) => Promise<(Result | Error)[]>,
    private readonly options: {
      maxBatch: number;
      /** Batches written at the same time. */
      concurrency: number;
    },
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.startBatches();
    });
  }

  private startBatches(): void {
    while (this.running < this.options.concurrency && this.waiting.length > 0) {
      const batch = this.takeBatch();
      this.running += 1;
      void this.writeBatch(batch).finally(() => {
        this.running -= 1;
        this.startBatches();
      });
    }
  }

  /** The oldest waiting items, in the order they were submitted. */
  private takeBatch(): typeof this.waiting {
    return this.waiting.splice(0, this.options.maxBatch);
  }

  private async writeBatch(batch: typeof this.waiting): Promise<void> {
    try {
      const results = await this.write(batch.map(({ item }) => item));
      batch.forEach(({ resolve, reject }, index) => {
        const result = results[index];
        if (result instanceof Error) reject(result);
        else resolve(result);
      });
    } catch (error) {
      for (const { reject } of batch) reject(error);
    }
  }
}
