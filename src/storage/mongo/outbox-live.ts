import { Schema, Types, type Connection, type Model, type mongo } from 'mongoose';
import type { OutboxCandidate } from '../../services/outbox-records.js';
import { GroupCommit, itemError, writeErrorsByIndex, type ItemOutcome } from './group-commit.js';

/**
 * One outbox item that is not final yet (pending or claimed). `_id` is the item's own `_id`.
 * The entry is only an index for the dispatcher: the item in `outbox` stays the truth, and is
 * read by `_id` before anything is decided, so a stale entry costs a read, never a wrong send.
 */
interface LiveDocument {
  _id: Types.ObjectId;
  /** The item's idempotency key, so notices can be withdrawn by key prefix without scanning `outbox`. */
  key: string;
  /** The item's `dueAt`: the queue order (with `_id`), never changed by retries. */
  dueAt: Date;
  /** Not looked at before this time: `dueAt`, or the end of a retry or rate-limit wait. */
  wakeAt: Date;
  /** Wall-clock time of the insert: an entry whose item never arrived is dropped after a grace period. */
  insertedAt: Date;
}

const liveSchema = new Schema<LiveDocument>(
  {
    key: { type: String, required: true },
    dueAt: { type: Date, required: true },
    wakeAt: { type: Date, required: true },
    insertedAt: { type: Date, required: true },
  },
  { collection: 'outbox_live', versionKey: false },
);
liveSchema.index({ dueAt: 1, _id: 1 });
liveSchema.index({ key: 1 });

/** An entry whose item is missing this long after it was written is left over (the item never came, or is gone). */
const ORPHAN_GRACE_MS = 10 * 60_000;

const toCandidate = (doc: Pick<LiveDocument, '_id' | 'dueAt' | 'insertedAt'>): OutboxCandidate => ({
  id: doc._id.toHexString(),
  dueAt: doc.dueAt,
  insertedAt: doc.insertedAt,
});

/**
 * The outbox's working set: `outbox_live` holds an entry for every item not yet sent, failed or
 * skipped, and nothing else. Sent items stay in `outbox` for good (their idempotency keys must keep
 * refusing duplicates), so the queries that pick due work run on this small collection instead:
 * FerretDB v1 evaluates every filter but a bare `{_id}` by reading the whole collection
 * (docs/ferretdb-gaps.md). Every per-item write here filters on `_id` alone for the same reason.
 */
export class OutboxLiveQueue {
  private readonly model: Model<LiveDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.OutboxLive as Model<LiveDocument> | undefined) ?? connection.model<LiveDocument>('OutboxLive', liveSchema);
  }

  /** Entries added while others are being written go together, one insert per batch. */
  private readonly adds = new GroupCommit<LiveDocument, void>((docs) => this.insertEach(docs));

  /** Adds the entry of an item just inserted with this `_id`. */
  async add(id: Types.ObjectId, entry: { key: string; dueAt: Date }): Promise<void> {
    await this.adds.submit({ _id: id, key: entry.key, dueAt: entry.dueAt, wakeAt: entry.dueAt, insertedAt: new Date() });
  }

  private async insertEach(docs: LiveDocument[]): Promise<Array<ItemOutcome<void>>> {
    const collection = this.model.collection as unknown as mongo.Collection<LiveDocument>;
    const refused = await collection.insertMany(docs, { ordered: false }).then(
      () => undefined,
      (error: unknown) => writeErrorsByIndex(error) ?? Promise.reject(error),
    );
    return docs.map((_, index) => {
      const writeError = refused?.get(index);
      return writeError === undefined ? { ok: true, value: undefined } : { ok: false, error: itemError(writeError) };
    });
  }

  /** Creates or moves the entry of a waiting item (a retry, a requeue, a recovery). */
  async wake(id: string, entry: { key: string; dueAt: Date; wakeAt: Date }): Promise<void> {
    await this.model.updateOne(
      { _id: id },
      { $set: { key: entry.key, dueAt: entry.dueAt, wakeAt: entry.wakeAt }, $setOnInsert: { insertedAt: new Date() } },
      { upsert: true },
    );
  }

  /** Recovery: creates the entry only when there is none (an existing one may be newer). */
  async ensure(id: string, entry: { key: string; dueAt: Date; wakeAt: Date }): Promise<void> {
    await this.model.updateOne({ _id: id }, { $setOnInsert: { ...entry, insertedAt: new Date() } }, { upsert: true });
  }

  async remove(id: string | Types.ObjectId): Promise<void> {
    await this.model.deleteOne({ _id: id });
  }

  /**
   * Entries awake at `now`, in queue order (`dueAt`, then `_id`), starting after `after`: a pass
   * walks the queue once with this cursor instead of re-reading it from the top.
   */
  async findAwake(now: Date, limit: number, after?: OutboxCandidate): Promise<OutboxCandidate[]> {
    const filter = after
      ? {
          wakeAt: { $lte: now },
          $or: [{ dueAt: { $gt: after.dueAt } }, { dueAt: after.dueAt, _id: { $gt: new Types.ObjectId(after.id) } }],
        }
      : { wakeAt: { $lte: now } };
    const docs = await this.model.find(filter, { dueAt: 1, insertedAt: 1 }).sort({ dueAt: 1, _id: 1 }).limit(limit).lean<LiveDocument[]>();
    return docs.map(toCandidate);
  }

  /** Ids of the entries whose key starts with `prefix` (a key range: no regex, no escaping). */
  async idsWithKeyPrefix(prefix: string): Promise<string[]> {
    const docs = await this.model
      .find({ key: { $gte: prefix, $lt: `${prefix}\uffff` } }, { _id: 1 })
      .lean<Array<Pick<LiveDocument, '_id'>>>();
    return docs.map((doc) => doc._id.toHexString());
  }

  /** Every entry's id (recovery compares them with the waiting items). */
  async allIds(): Promise<Set<string>> {
    const docs = await this.model.find({}, { _id: 1 }).lean<Array<Pick<LiveDocument, '_id'>>>();
    return new Set(docs.map((doc) => doc._id.toHexString()));
  }

  async count(): Promise<number> {
    return this.model.countDocuments({});
  }

  /** True when the candidate's item should have arrived long ago (its enqueue died half-way). */
  static isOrphan(candidate: OutboxCandidate): boolean {
    return Date.now() - candidate.insertedAt.getTime() > ORPHAN_GRACE_MS;
  }
}
