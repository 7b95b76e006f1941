import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { HeldNotice, HeldNoticeRepository, KfCustomer } from '../../services/residents/kf-channel-stores.js';
import type { ResidentNoticeKind } from '../../platforms/types.js';
import { isDuplicateKeyError } from './duplicate-key.js';

interface HeldNoticeDocument {
  _id: Types.ObjectId;
  openKfId: string;
  externalUserId: string;
  text: string;
  key: string;
  heldAt: Date;
  reason: string;
  kind?: ResidentNoticeKind;
  state: 'held' | 'sent';
  sentAt?: Date;
  /** When the staff group was told this notice could not be delivered. */
  reportedAt?: Date;
}

const heldNoticeSchema = new Schema<HeldNoticeDocument>(
  {
    openKfId: { type: String, required: true },
    externalUserId: { type: String, required: true },
    text: { type: String, required: true },
    key: { type: String, required: true },
    heldAt: { type: Date, required: true },
    reason: { type: String, required: true },
    kind: String,
    state: { type: String, required: true, enum: ['held', 'sent'] },
    sentAt: Date,
    reportedAt: Date,
  },
  { collection: 'kf_held_notices', versionKey: false },
);
heldNoticeSchema.index({ key: 1 }, { unique: true });
heldNoticeSchema.index({ openKfId: 1, externalUserId: 1, state: 1 });
heldNoticeSchema.index({ state: 1, heldAt: 1 });

const toNotice = (doc: HeldNoticeDocument): HeldNotice => ({
  id: doc._id.toHexString(),
  openKfId: doc.openKfId,
  externalUserId: doc.externalUserId,
  text: doc.text,
  key: doc.key,
  heldAt: doc.heldAt,
  reason: doc.reason,
  ...(doc.kind ? { kind: doc.kind } : {}),
});

/**
 * Notices to residents that WeCom's 48 h / 5 messages rule held back (collection
 * `kf_held_notices`), until the resident writes again.
 *
 * @example
 * await held.hold({ openKfId, externalUserId, text, key, heldAt: now, reason: 'window' });
 * const waiting = await held.listUnreported(cutoff);
 */
export class MongoHeldNoticeRepository implements HeldNoticeRepository {
  private readonly model: Model<HeldNoticeDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.KfHeldNotice as Model<HeldNoticeDocument> | undefined) ??
      connection.model<HeldNoticeDocument>('KfHeldNotice', heldNoticeSchema);
  }

  async hold(notice: Omit<HeldNotice, 'id'>): Promise<void> {
    try {
      await this.model.updateOne({ key: { $eq: notice.key } }, { $setOnInsert: { ...notice, state: 'held' } }, { upsert: true });
    } catch (error) {
      // Two instances held the same notice at once: one record is enough.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async listHeld(customer: KfCustomer): Promise<HeldNotice[]> {
    const docs = await this.model
      .find({ openKfId: { $eq: customer.openKfId }, externalUserId: { $eq: customer.externalUserId }, state: 'held' })
      .sort({ heldAt: 1, _id: 1 })
      .lean<HeldNoticeDocument[]>();
    return docs.map(toNotice);
  }

  async markSent(ids: string[], at: Date): Promise<void> {
    await this.model.updateMany({ _id: { $in: ids }, state: 'held' }, { $set: { state: 'sent', sentAt: at } });
  }

  async forgetCustomer(customer: KfCustomer): Promise<number> {
    const result = await this.model.deleteMany({ openKfId: { $eq: customer.openKfId }, externalUserId: { $eq: customer.externalUserId } });
    return result.deletedCount;
  }

  /** Held notices held at or before `cutoff` that the staff group has not heard about yet. */
  async listUnreported(cutoff: Date, limit = 200): Promise<HeldNotice[]> {
    const docs = await this.model
      .find({ state: 'held', heldAt: { $lte: cutoff }, reportedAt: null })
      .sort({ heldAt: 1 })
      .limit(limit)
      .lean<HeldNoticeDocument[]>();
    return docs.map(toNotice);
  }

  async markReported(id: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { reportedAt: at } });
  }
}
