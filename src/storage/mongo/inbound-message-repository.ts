import { Schema, type Connection, type Model, type mongo } from 'mongoose';
import type { InboundMessageRepository, InboxClaim } from '../../core/inbox.js';
import type { OutgoingMessage } from '../../platforms/types.js';
import { isDuplicateKeyError } from './duplicate-key.js';
import { GroupCommit, itemError, writeErrorsByIndex, type ItemOutcome } from './group-commit.js';

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

/**
 * The inbox in MongoDB: the unique `_id` is the platform message id. Claims (inserts) of messages
 * handled at the same time are written together, one command per batch ({@link GroupCommit}); each
 * message's claim still returns only once its own record is written, so no message is acknowledged
 * before the inbox has it.
 */
export class MongoInboundMessageRepository implements InboundMessageRepository {
  private readonly model: Model<InboundMessageDocument>;

  /** Inserts of new claims: true when written, false when the id was already there. */
  private readonly inserts = new GroupCommit<InboundMessageDocument, boolean>((docs) => this.insertEach(docs));

  /** The driver's collection under the model: a batch is one command, without mongoose's per-document work. */
  private get collection(): mongo.Collection<InboundMessageDocument> {
    return this.model.collection as unknown as mongo.Collection<InboundMessageDocument>;
  }

  constructor(connection: Connection) {
    this.model =
      (connection.models.InboundMessage as Model<InboundMessageDocument> | undefined) ??
      connection.model<InboundMessageDocument>('InboundMessage', inboundMessageSchema);
  }

  private async insertEach(docs: InboundMessageDocument[]): Promise<Array<ItemOutcome<boolean>>> {
    try {
      await this.collection.insertMany(docs, { ordered: false });
      return docs.map(() => ({ ok: true, value: true }));
    } catch (error) {
      const refused = writeErrorsByIndex(error);
      if (!refused) throw error;
      return docs.map((_, index) => {
        const writeError = refused.get(index);
        if (writeError === undefined) return { ok: true, value: true };
        return isDuplicateKeyError(writeError) ? { ok: true, value: false } : { ok: false, error: itemError(writeError) };
      });
    }
  }

  async claim(key: string, now: Date, staleAfterMs: number): Promise<InboxClaim> {
    if (await this.inserts.submit({ _id: key, state: 'processing', replies: [], startedAt: now })) return { status: 'new' };
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
    // One update per message: FerretDB v1 on PostgreSQL stopped answering (every pooled connection
    // held) when one `update` command carried many statements, so stored answers are not batched.
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
