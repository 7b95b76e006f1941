import { Schema, type Connection, type Model } from 'mongoose';
import type { KfCursorStore } from '../../services/residents/kf-channel-stores.js';

interface KfCursorDocument {
  /** The open_kfid. */
  _id: string;
  cursor: string;
  updatedAt: Date;
}

const kfCursorSchema = new Schema<KfCursorDocument>(
  { _id: { type: String, required: true }, cursor: { type: String, required: true }, updatedAt: { type: Date, required: true } },
  { collection: 'kf_cursors', versionKey: false },
);

/**
 * `kf/sync_msg`'s next_cursor per open_kfid (collection `kf_cursors`).
 *
 * @example
 * await cursors.set('wkAbc', 'CURSOR', now);
 * await cursors.get('wkAbc'); // 'CURSOR'
 */
export class MongoKfCursorRepository implements KfCursorStore {
  private readonly model: Model<KfCursorDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.KfCursor as Model<KfCursorDocument> | undefined) ?? connection.model<KfCursorDocument>('KfCursor', kfCursorSchema);
  }

  async get(openKfId: string): Promise<string | undefined> {
    const doc = await this.model.findById(openKfId).lean<KfCursorDocument>();
    return doc?.cursor;
  }

  async set(openKfId: string, cursor: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: openKfId }, { $set: { cursor, updatedAt: at } }, { upsert: true });
  }
}
