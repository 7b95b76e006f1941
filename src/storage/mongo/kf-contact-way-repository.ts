import { Schema, type Connection, type Model } from 'mongoose';
import type { KfContactWay, KfContactWayStore } from '../../services/residents/kf-channel-stores.js';

interface KfContactWayDocument extends KfContactWay {
  /** `<open_kfid>:<scene>`. */
  _id: string;
}

const kfContactWaySchema = new Schema<KfContactWayDocument>(
  {
    _id: { type: String, required: true },
    openKfId: { type: String, required: true },
    scene: { type: String, required: true },
    url: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'kf_contact_ways', versionKey: false },
);

/**
 * The links made so far, so a printed QR code stays the same code (collection `kf_contact_ways`).
 *
 * @example
 * await ways.save({ openKfId, scene: 'qs01', url, createdAt: now });
 */
export class MongoKfContactWayRepository implements KfContactWayStore {
  private readonly model: Model<KfContactWayDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.KfContactWay as Model<KfContactWayDocument> | undefined) ??
      connection.model<KfContactWayDocument>('KfContactWay', kfContactWaySchema);
  }

  async find(openKfId: string, scene: string): Promise<KfContactWay | null> {
    const doc = await this.model.findById(`${openKfId}:${scene}`).lean<KfContactWayDocument>();
    return doc ? { openKfId: doc.openKfId, scene: doc.scene, url: doc.url, createdAt: doc.createdAt } : null;
  }

  async save(way: KfContactWay): Promise<void> {
    await this.model.updateOne({ _id: `${way.openKfId}:${way.scene}` }, { $set: way }, { upsert: true });
  }
}
