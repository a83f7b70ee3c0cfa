/**
 * Posting a payment file's batches side by side.
 *
 * A batch's posting is the database's work on one connection (the ledger insert with its indexes and
 * foreign keys, the kept-state trigger, the file's row records), and Node waits for it. On a PostgreSQL
 * pool two batches in their own transactions use two of the server's cores: the 100,000-row benchmark file
 * posted in 5.5 s against 8.3 s one batch after another (docs/performance-history.md, session 21).
 *
 * The lanes keep the file's order where it decides an outcome:
 * - a batch starts only when a lane is free, and batches start in the file's order;
 * - an exclusive batch (one with returns to match against the direct debits posted before them) starts only
 *   once every batch before it has ended, and no batch after it starts until it has ended, as when the file
 *   is posted one batch after another;
 * - what follows a batch (`settled`: its counts, its accounts handed out for re-assessment) runs in the
 *   file's order, once the batch and every batch before it are committed.
 *
 * A batch that fails stops the lanes: no batch starts after it, and `finish` (or the next `add`) throws its
 * error once the batches in hand have ended. Batches committed beside it stay committed: importing the file
 * again posts only what is not (every accepted row is a duplicate).
 */
export class PostingLanes<T> {
  private readonly running = new Set<Promise<void>>();
  private settledInOrder: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  constructor(private readonly lanes: number) {
    if (!Number.isSafeInteger(lanes) || lanes < 1) throw new RangeError(`lanes must be a whole number from 1: ${lanes}`);
  }

  /**
   * Starts `post` once it may (see above) and returns when it has started, or, for an exclusive batch, when it
   * has ended. `settled` gets its result in the file's order.
   */
  async add(post: () => Promise<T>, settled: (value: T) => void, options: { exclusive?: boolean } = {}): Promise<void> {
    const room = options.exclusive ? 1 : this.lanes;
    while (this.failure === null && this.running.size >= room) await Promise.race(this.running);
    if (this.failure) throw this.failure.error;

    const posting = post();
    const ended: Promise<void> = posting.then(
      () => undefined,
      (error: unknown) => {
        this.failure ??= { error };
      },
    );
    const tracked: Promise<void> = ended.then(() => {
      this.running.delete(tracked);
    });
    this.running.add(tracked);
    this.settledInOrder = this.settledInOrder.then(async () => {
      await ended;
      if (this.failure) return;
      try {
        settled(await posting);
      } catch (error) {
        this.failure ??= { error };
      }
    });
    if (options.exclusive) await tracked;
  }

  /** Waits for every batch started and what follows each; throws the error that stopped the lanes, if any. */
  async finish(): Promise<void> {
    while (this.running.size > 0) await Promise.race(this.running);
    await this.settledInOrder;
    if (this.failure) throw this.failure.error;
  }
}
