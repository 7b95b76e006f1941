/**
 * Runs tasks in lanes: a task names one or more keys; tasks sharing a key run one after another
 * in the order given, tasks with no key in common run side by side, with at most `limit` keys
 * busy at a time (a task already sharing a busy key never waits for the limit). The outbox
 * dispatcher keys each notice by the channels it goes to, so a slow platform call for one robot
 * does not hold up the others while every robot still gets its notices in order.
 *
 * The first task to throw stops the rest: later tasks are not started, and {@link drain} rethrows.
 */
export class KeyedLanes {
  private readonly tails = new Map<string, Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a lane limit must be a positive integer, got ${limit}`);
  }

  /**
   * Queues `task` behind every earlier task that shares one of `keys`. Resolves once it is
   * queued: at once when one of its keys is busy or fewer than `limit` keys are, otherwise when
   * a key frees up.
   */
  async submit(keys: readonly string[], task: () => Promise<void>): Promise<void> {
    if (keys.length === 0) throw new RangeError('a task needs at least one lane key');
    this.throwIfFailed();
    while (this.tails.size >= this.limit && !keys.some((key) => this.tails.has(key))) {
      await Promise.race(this.tails.values());
      this.throwIfFailed();
    }
    const before = keys.map((key) => this.tails.get(key)).filter((tail) => tail !== undefined);
    const next = Promise.all(before)
      .then(() => (this.failure ? undefined : task()))
      .catch((error: unknown) => {
        this.failure ??= { error };
      });
    for (const key of new Set(keys)) {
      this.tails.set(key, next);
      void next.then(() => {
        if (this.tails.get(key) === next) this.tails.delete(key);
      });
    }
  }

  /** Waits for every queued task; rethrows the first failure. */
  async drain(): Promise<void> {
    await this.settle();
    this.throwIfFailed();
  }

  /** Waits for every queued task, whatever became of them. */
  async settle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
