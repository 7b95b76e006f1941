import type { Model, mongo } from 'mongoose';

/** One item's own outcome in a batch written together: its result, or the error that refused it alone. */
export type ItemOutcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

/**
 * Group commit: items submitted while a batch is being written wait, and go together in the next
 * batch — one store command for many messages instead of one each. An item submitted while
 * nothing is being written goes at once, alone, so a quiet instance waits for nothing.
 *
 * Each submitter's promise settles only when the store has answered for the batch holding its
 * item, with that item's own outcome: nothing is acknowledged before it is written, and one item's
 * refusal (a duplicate key) is that item's alone. A failure of the whole batch (the store is away)
 * rejects every item in it. Batches are written one at a time, in the order items were submitted.
 *
 * @example
 * const inserts = new GroupCommit((docs) => insertEach(docs));
 * await inserts.submit(doc); // resolves once doc's batch is written
 */
export class GroupCommit<I, O> {
  private readonly waiting: Array<{ item: I; resolve: (value: O) => void; reject: (error: unknown) => void }> = [];

  private writing = false;

  constructor(
    /** Writes the items as one store command and says, item by item and in order, what became of each. */
    private readonly write: (items: I[]) => Promise<Array<ItemOutcome<O>>>,
    private readonly maxBatch = 200,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxBatch);
        let outcomes: Array<ItemOutcome<O>>;
        try {
          outcomes = await this.write(batch.map((entry) => entry.item));
        } catch (error) {
          for (const entry of batch) entry.reject(error);
          continue;
        }
        batch.forEach((entry, index) => {
          const outcome = outcomes[index];
          if (!outcome) entry.reject(new Error('the batch write said nothing about this item'));
          else if (outcome.ok) entry.resolve(outcome.value);
          else entry.reject(outcome.error);
        });
      }
    } finally {
      this.writing = false;
    }
  }
}

/** A bulk write's per-item errors (the driver's MongoBulkWriteError), by the index of the item in the batch. */
export function writeErrorsByIndex(error: unknown): Map<number, unknown> | undefined {
  const writeErrors = (error as { writeErrors?: unknown } | null)?.writeErrors;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : undefined;
  if (!list || list.length === 0) return undefined;
  const byIndex = new Map<number, unknown>();
  for (const writeError of list) {
    const index = (writeError as { index?: unknown }).index;
    if (typeof index !== 'number') return undefined;
    byIndex.set(index, writeError);
  }
  return byIndex;
}

/** A bulk write's error for one item, as an Error the callers' checks (duplicate key…) read like a single write's. */
export function itemError(writeError: unknown): Error {
  if (writeError instanceof Error) return writeError;
  const { code, errmsg } = (writeError ?? {}) as { code?: unknown; errmsg?: unknown };
  return Object.assign(new Error(typeof errmsg === 'string' ? errmsg : 'the store refused the write'), { code, cause: writeError });
}

/**
 * Inserts into one mongoose model, each validated and given its defaults as `Model.create` does,
 * written together with the others of the moment (one `insert` command per batch, ordered: false).
 * `insert` resolves with the stored document once its batch is written, or rejects with its own
 * refusal (a duplicate key reads as one).
 */
export class BatchedInserts<D> {
  private readonly commit = new GroupCommit<Record<string, unknown>, void>((docs) => this.insertEach(docs));

  constructor(private readonly model: Model<D>) {}

  async insert(data: Record<string, unknown>): Promise<D> {
    const doc = new this.model(data);
    await doc.validate();
    const stored = doc.toObject({ depopulate: true }) as Record<string, unknown>;
    await this.commit.submit(stored);
    return stored as D;
  }

  private async insertEach(docs: Array<Record<string, unknown>>): Promise<Array<ItemOutcome<void>>> {
    const collection = this.model.collection as unknown as mongo.Collection;
    const refused = await collection.insertMany(docs, { ordered: false }).then(
      () => undefined,
      (error: unknown) => writeErrorsByIndex(error) ?? Promise.reject(error),
    );
    return docs.map((_, index) => {
      const writeError = refused?.get(index);
      return writeError === undefined ? { ok: true, value: undefined } : { ok: false, error: itemError(writeError) };
    });
  }
}
