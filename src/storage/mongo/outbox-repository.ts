import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { OutgoingMessage } from '../../platforms/types.js';
import type { Recipient } from '../../services/notifier.js';

export type OutboxState = 'pending' | 'claimed' | 'sent' | 'failed' | 'skipped';

/** One message the scheduler or a service wants sent, as a plain record. */
export interface OutboxItem {
  id: string;
  idempotencyKey: string;
  recipient: Recipient;
  message: OutgoingMessage;
  dueAt: Date;
  expiresAt?: Date;
  state: OutboxState;
  attempts: number;
  leaseUntil?: Date;
  lastError?: string;
  sentAt?: Date;
  createdAt: Date;
}

interface OutboxDocument {
  _id: Types.ObjectId;
  idempotencyKey: string;
  recipient: Recipient;
  message: { text: string; format: 'text' | 'markdown'; mentionUserIds?: string[]; imagePngBase64?: string };
  dueAt: Date;
  expiresAt?: Date;
  state: OutboxState;
  attempts: number;
  leaseUntil?: Date;
  lastError?: string;
  sentAt?: Date;
  createdAt: Date;
}

const outboxSchema = new Schema<OutboxDocument>(
  {
    idempotencyKey: { type: String, required: true },
    recipient: { type: Schema.Types.Mixed, required: true },
    message: { type: Schema.Types.Mixed, required: true },
    dueAt: { type: Date, required: true },
    expiresAt: Date,
    state: { type: String, required: true, enum: ['pending', 'claimed', 'sent', 'failed', 'skipped'] },
    attempts: { type: Number, default: 0 },
    leaseUntil: Date,
    lastError: String,
    sentAt: Date,
    createdAt: { type: Date, required: true },
  },
  { collection: 'outbox', versionKey: false },
);
outboxSchema.index({ idempotencyKey: 1 }, { unique: true });
outboxSchema.index({ state: 1, dueAt: 1 });

export function outboxModel(connection: Connection): Model<OutboxDocument> {
  return (connection.models.Outbox as Model<OutboxDocument> | undefined) ?? connection.model<OutboxDocument>('Outbox', outboxSchema);
}

export function toOutboxItem(doc: OutboxDocument): OutboxItem {
  const { imagePngBase64, ...message } = doc.message;
  return {
    id: doc._id.toHexString(),
    idempotencyKey: doc.idempotencyKey,
    recipient: doc.recipient,
    message: { ...message, ...(imagePngBase64 ? { image: { png: Buffer.from(imagePngBase64, 'base64') } } : {}) },
    dueAt: doc.dueAt,
    ...(doc.expiresAt ? { expiresAt: doc.expiresAt } : {}),
    state: doc.state,
    attempts: doc.attempts,
    ...(doc.leaseUntil ? { leaseUntil: doc.leaseUntil } : {}),
    ...(doc.lastError ? { lastError: doc.lastError } : {}),
    ...(doc.sentAt ? { sentAt: doc.sentAt } : {}),
    createdAt: doc.createdAt,
  };
}

/**
 * The persistent outbox. `enqueue` is idempotent on `idempotencyKey` (unique index): the same
 * notice enqueued twice, by one instance or several, is stored once.
 */
export class MongoOutboxRepository {
  readonly model: Model<OutboxDocument>;

  constructor(connection: Connection) {
    this.model = outboxModel(connection);
  }

  /** True when stored now, false when the key was already there. */
  async enqueue(item: { idempotencyKey: string; recipient: Recipient; message: OutgoingMessage; dueAt: Date; expiresAt?: Date; now: Date }): Promise<boolean> {
    const { image, ...message } = item.message;
    try {
      await this.model.create({
        idempotencyKey: item.idempotencyKey,
        recipient: item.recipient,
        message: { ...message, ...(image ? { imagePngBase64: image.png.toString('base64') } : {}) },
        dueAt: item.dueAt,
        ...(item.expiresAt ? { expiresAt: item.expiresAt } : {}),
        state: 'pending',
        attempts: 0,
        createdAt: item.now,
      });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }
}
