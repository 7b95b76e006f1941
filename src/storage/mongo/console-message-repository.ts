import { Schema, Types, type Connection, type Model } from 'mongoose';
import type { ConsoleMessageRecord, ConsoleMessageRepository } from '../../services/console-message-records.js';

interface ConsoleMessageDocument {
  _id: Types.ObjectId;
  kind: 'user' | 'group';
  to: string;
  text: string;
  format: 'text' | 'markdown';
  idempotencyKey?: string;
  createdAt: Date;
}

const consoleMessageSchema = new Schema<ConsoleMessageDocument>(
  {
    kind: { type: String, required: true, enum: ['user', 'group'] },
    to: { type: String, required: true },
    text: { type: String, required: true },
    format: { type: String, required: true, enum: ['text', 'markdown'] },
    idempotencyKey: String,
    createdAt: { type: Date, required: true },
  },
  { collection: 'console_messages', versionKey: false },
);
consoleMessageSchema.index({ to: 1, _id: 1 });
consoleMessageSchema.index({ idempotencyKey: 1 }, { unique: true, sparse: true });

function toRecord(doc: ConsoleMessageDocument): ConsoleMessageRecord {
  return { id: doc._id.toHexString(), kind: doc.kind, to: doc.to, text: doc.text, format: doc.format, createdAt: doc.createdAt };
}

/** The console's mailbox in the `console_messages` collection. */
export class MongoConsoleMessageRepository implements ConsoleMessageRepository {
  private readonly model: Model<ConsoleMessageDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.ConsoleMessage as Model<ConsoleMessageDocument> | undefined) ??
      connection.model<ConsoleMessageDocument>('ConsoleMessage', consoleMessageSchema);
  }

  async append(message: Omit<ConsoleMessageRecord, 'id' | 'createdAt'> & { idempotencyKey?: string }, now: Date): Promise<void> {
    const fields = { kind: message.kind, to: message.to, text: message.text, format: message.format, createdAt: now };
    if (!message.idempotencyKey) {
      await this.model.create(fields);
      return;
    }
    await this.model.updateOne(
      { idempotencyKey: { $eq: message.idempotencyKey } },
      { $setOnInsert: { ...fields, idempotencyKey: message.idempotencyKey } },
      { upsert: true },
    );
  }

  async listFor(
    to: string,
    after: string | undefined,
    limit: number,
  ): Promise<{ messages: ConsoleMessageRecord[]; cursor: string | undefined }> {
    const query: Record<string, unknown> = { to: { $eq: to } };
    if (after && Types.ObjectId.isValid(after)) query._id = { $gt: new Types.ObjectId(after) };
    const docs = await this.model.find(query).sort({ _id: 1 }).limit(limit).lean<ConsoleMessageDocument[]>();
    const messages = docs.map(toRecord);
    return { messages, cursor: messages.at(-1)?.id ?? after };
  }
}
