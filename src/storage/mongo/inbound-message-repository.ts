import { Schema, type Connection, type Model } from 'mongoose';
import type { InboundMessageRepository, InboxClaim } from '../../core/inbox.js';
import type { OutgoingMessage } from '../../platforms/types.js';
import { isDuplicateKeyError } from './duplicate-key.js';

interface InboundMessageDocument {
  _id: string;
  state: 'processing' | 'done';
  replies: Array<{ text: string; format: 'text' | 'markdown'; mentionUserIds?: string[] }>;
  startedAt: Date;
  finishedAt?: Date;
}

const inboundMessageSchema = new Schema<InboundMessageDocument>(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true, enum: ['processing', 'done'] },
    replies: { type: [{ text: String, format: String, mentionUserIds: [String], _id: false }], default: [] },
    startedAt: { type: Date, required: true },
    finishedAt: Date,
  },
  { collection: 'inbound_messages', versionKey: false },
);
inboundMessageSchema.index({ startedAt: 1 });

/** The inbox in MongoDB: the unique `_id` is the platform message id. */
export class MongoInboundMessageRepository implements InboundMessageRepository {
  private readonly model: Model<InboundMessageDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.InboundMessage as Model<InboundMessageDocument> | undefined) ??
      connection.model<InboundMessageDocument>('InboundMessage', inboundMessageSchema);
  }

  async claim(key: string, now: Date, staleAfterMs: number): Promise<InboxClaim> {
    try {
      await this.model.create({ _id: key, state: 'processing', replies: [], startedAt: now });
      return { status: 'new' };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const existing = await this.model.findById(key).lean<InboundMessageDocument>();
    if (!existing) return this.claim(key, now, staleAfterMs);
    if (existing.state === 'done') {
      return {
        status: 'done',
        replies: existing.replies.map((r) => ({
          text: r.text,
          format: r.format,
          ...(r.mentionUserIds?.length ? { mentionUserIds: r.mentionUserIds } : {}),
        })),
      };
    }
    // A claim left behind by a crashed instance is taken over once it is stale.
    if (now.getTime() - new Date(existing.startedAt).getTime() > staleAfterMs) {
      const taken = await this.model.findOneAndUpdate(
        { _id: key, state: 'processing', startedAt: existing.startedAt },
        { $set: { startedAt: now } },
      );
      if (taken) return { status: 'new' };
    }
    return { status: 'processing' };
  }

  async finish(key: string, replies: OutgoingMessage[], now: Date): Promise<void> {
    const stored = replies.map((r) => ({
      text: r.text,
      format: r.format,
      ...(r.mentionUserIds ? { mentionUserIds: r.mentionUserIds } : {}),
    }));
    await this.model.updateOne({ _id: key }, { $set: { state: 'done', replies: stored, finishedAt: now } });
  }

  async release(key: string): Promise<void> {
    await this.model.deleteOne({ _id: key, state: 'processing' });
  }

  async pruneBefore(before: Date): Promise<number> {
    const result = await this.model.deleteMany({ startedAt: { $lt: before } });
    return result.deletedCount;
  }
}
