import type { Connection, Model } from 'mongoose';
import { OutboxLiveQueue } from './outbox-live.js';
import { outboxModel, toOutboxItem } from './outbox-repository.js';
import type { OutboxItem, OutboxMaintenance } from '../../services/outbox-records.js';
import { isObjectId } from './object-id.js';

type OutboxModel = ReturnType<typeof outboxModel>;
type OutboxDocument = OutboxModel extends Model<infer D> ? D : never;

export class MongoOutboxMaintenance implements OutboxMaintenance {
  private readonly model: OutboxModel;
  private readonly live: OutboxLiveQueue;

  constructor(connection: Connection) {
    this.model = outboxModel(connection);
    this.live = new OutboxLiveQueue(connection);
  }

  async listFailed(limit: number): Promise<{ items: OutboxItem[]; total: number }> {
    const [docs, total] = await Promise.all([
      this.model.find({ state: 'failed' }).sort({ dueAt: 1, _id: 1 }).limit(limit).lean<OutboxDocument[]>(),
      this.model.countDocuments({ state: 'failed' }),
    ]);
    return { items: docs.map(toOutboxItem), total };
  }

  async retry(ids: readonly string[], now: Date): Promise<string[]> {
    const queued: string[] = [];
    for (const id of ids.filter(isObjectId)) {
      // Only failed items: the dispatcher never touches those, so no claim is needed.
      const doc = await this.model.findById(id, { state: 1, idempotencyKey: 1 }).lean<OutboxDocument>();
      if (doc?.state !== 'failed') continue;
      await this.requeue(id, doc.idempotencyKey, now);
      queued.push(id);
    }
    return queued;
  }

  async retryAll(now: Date): Promise<number> {
    const failed = await this.model
      .find({ state: 'failed' }, { idempotencyKey: 1 })
      .lean<Array<Pick<OutboxDocument, '_id' | 'idempotencyKey'>>>();
    for (const doc of failed) await this.requeue(doc._id.toHexString(), doc.idempotencyKey, now);
    return failed.length;
  }

  /** The item first, then its queue entry: an entry always finds its item waiting. */
  private async requeue(id: string, key: string, now: Date): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { state: 'pending', dueAt: now, attempts: 0 } });
    await this.live.wake(id, { key, dueAt: now, wakeAt: now });
  }
}
