import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKeyError } from './duplicate-key.js';
import { GroupCommit, type ItemOutcome } from './group-commit.js';

interface CounterDocument {
  _id: string;
  seq: number;
}

const counterSchema = new Schema<CounterDocument>(
  { _id: String, seq: { type: Number, default: 0 } },
  { collection: 'counters', versionKey: false },
);

function counterModel(connection: Connection): Model<CounterDocument> {
  return (connection.models.Counter as Model<CounterDocument> | undefined) ?? connection.model<CounterDocument>('Counter', counterSchema);
}

/**
 * Gap-free numbers per calendar year (MY-2026-000123, TA-2026-0007), one counter document per
 * name and year in `counters`.
 *
 * MongoDB's `$inc` is atomic, but FerretDB v1 runs findAndModify as read-then-write, so two callers
 * may draw the same value. The record's unique index on its number stops the second, which draws
 * again ({@link storeWithNext}); every drawn value is stored by someone, so numbers stay gap-free.
 *
 * @example
 * const numbers = new YearSequence(connection, 'opinion');
 * const doc = await numbers.storeWithNext(2026, (seq) => model.create({ number: `MY-2026-${seq}`, seq }));
 */
export class YearSequence {
  private readonly counters: Model<CounterDocument>;

  /**
   * Draws asked for while one is being written are drawn together: one `$inc` by their number
   * (per year) hands each caller its own value, in the order asked ({@link GroupCommit}).
   */
  private readonly draws = new GroupCommit<number, number>((years) => this.drawEach(years));

  constructor(
    connection: Connection,
    private readonly name: string,
  ) {
    this.counters = counterModel(connection);
  }

  /** The next value of this year's counter. */
  next(year: number): Promise<number> {
    return this.draws.submit(year);
  }

  private async drawEach(years: number[]): Promise<Array<ItemOutcome<number>>> {
    const outcomes: Array<ItemOutcome<number>> = [];
    const asked = new Map<number, number>();
    for (const year of years) asked.set(year, (asked.get(year) ?? 0) + 1);
    const nextOf = new Map<number, ItemOutcome<number>>();
    for (const [year, count] of asked) {
      try {
        nextOf.set(year, { ok: true, value: (await this.increment(year, count)) - count + 1 });
      } catch (error) {
        nextOf.set(year, { ok: false, error });
      }
    }
    for (const year of years) {
      const next = nextOf.get(year)!;
      outcomes.push(next);
      if (next.ok) nextOf.set(year, { ok: true, value: next.value + 1 });
    }
    return outcomes;
  }

  /** Adds `count` to this year's counter and returns its new value. */
  private async increment(year: number, count: number): Promise<number> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const doc = await this.counters
          .findOneAndUpdate({ _id: `${this.name}-${year}` }, { $inc: { seq: count } }, { upsert: true, new: true })
          .lean();
        return doc!.seq;
      } catch (error) {
        // Two first-of-the-year upserts race on the same _id: the loser retries and increments.
        if (!isDuplicateKeyError(error) || attempt >= 5) throw error;
      }
    }
  }

  /** Draws a value and stores with it; draws again while the store meets a duplicate number. */
  async storeWithNext<T>(year: number, store: (seq: number) => Promise<T>, maxAttempts = 200): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      const seq = await this.next(year);
      try {
        return await store(seq);
      } catch (error) {
        if (!isDuplicateKeyError(error) || attempt >= maxAttempts) throw error;
      }
    }
  }
}
