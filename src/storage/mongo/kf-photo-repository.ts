import { Schema, Types, type Connection, type Model } from 'mongoose';
import type { KfPhoto, KfPhotoInfo, KfPhotoStore } from '../../services/residents/kf-channel-stores.js';

interface KfPhotoDocument extends KfPhoto {
  _id: Types.ObjectId;
  data?: Buffer;
  contentType?: string;
  size?: number;
  keptAt?: Date;
  attempts?: number;
  lastError?: string;
  lost?: boolean;
}

const kfPhotoSchema = new Schema<KfPhotoDocument>(
  {
    opinionNumber: { type: String, required: true },
    residentId: { type: String, required: true },
    mediaId: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    data: Buffer,
    contentType: String,
    size: Number,
    keptAt: Date,
    attempts: Number,
    lastError: String,
    lost: Boolean,
  },
  { collection: 'kf_photos', versionKey: false },
);
kfPhotoSchema.index({ opinionNumber: 1 });
kfPhotoSchema.index({ receivedAt: 1 });
kfPhotoSchema.index({ residentId: 1 });

/** Everything but the bytes. */
const WITHOUT_DATA = { data: 0 } as const;

function toInfo(doc: KfPhotoDocument): KfPhotoInfo {
  return {
    id: doc._id.toHexString(),
    opinionNumber: doc.opinionNumber,
    residentId: doc.residentId,
    mediaId: doc.mediaId,
    receivedAt: doc.receivedAt,
    state: doc.keptAt ? 'kept' : doc.lost ? 'lost' : 'waiting',
    ...(doc.contentType ? { contentType: doc.contentType } : {}),
    ...(doc.size !== undefined ? { size: doc.size } : {}),
    ...(doc.keptAt ? { keptAt: doc.keptAt } : {}),
    attempts: doc.attempts ?? 0,
    ...(doc.lastError ? { lastError: doc.lastError } : {}),
  };
}

/**
 * Residents' photos per opinion (collection `kf_photos`). WeCom keeps a media id for 3 days, so
 * the photo keeper downloads each one and its bytes are stored here with it.
 *
 * @example
 * await photos.add([{ opinionNumber: 'MY-2026-000001', residentId, mediaId, receivedAt: now }]);
 */
export class MongoKfPhotoRepository implements KfPhotoStore {
  private readonly model: Model<KfPhotoDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.KfPhoto as Model<KfPhotoDocument> | undefined) ?? connection.model<KfPhotoDocument>('KfPhoto', kfPhotoSchema);
  }

  async add(photos: KfPhoto[]): Promise<void> {
    if (photos.length > 0) await this.model.insertMany(photos);
  }

  /** An opinion's photos in the order they came, without their bytes. */
  async listFor(opinionNumber: string): Promise<KfPhotoInfo[]> {
    const docs = await this.model
      .find({ opinionNumber: { $eq: opinionNumber } }, WITHOUT_DATA)
      .sort({ receivedAt: 1, _id: 1 })
      .lean<KfPhotoDocument[]>();
    return docs.map(toInfo);
  }

  /**
   * Photos received since `since` that are neither kept nor lost: the least tried first, then the
   * oldest, so photos that keep failing do not hold up new ones.
   */
  async listWaiting(since: Date, limit: number): Promise<KfPhotoInfo[]> {
    const docs = await this.model
      .find({ receivedAt: { $gte: since }, keptAt: { $exists: false }, lost: { $ne: true } }, WITHOUT_DATA)
      .sort({ attempts: 1, receivedAt: 1, _id: 1 })
      .limit(limit)
      .lean<KfPhotoDocument[]>();
    return docs.map(toInfo);
  }

  async keep(id: string, file: { bytes: Buffer; contentType: string }, at: Date): Promise<void> {
    await this.model.updateOne(
      { _id: id },
      { $set: { data: file.bytes, contentType: file.contentType, size: file.bytes.length, keptAt: at }, $unset: { lastError: 1 } },
    );
  }

  /** A failed download; `lost` when there is no point trying again. */
  async noteFailure(id: string, reason: string, lost: boolean): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { lastError: reason, ...(lost ? { lost: true } : {}) }, $inc: { attempts: 1 } });
  }

  async eraseForResident(residentId: string): Promise<number> {
    return (await this.model.deleteMany({ residentId: { $eq: residentId } })).deletedCount;
  }

  /** The bytes of a kept photo; null when it is not (or no longer) ours. */
  async file(id: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findById(id, { data: 1, contentType: 1 }).lean<KfPhotoDocument>();
    if (!doc?.data) return null;
    // lean() gives BSON Binary or Buffer depending on the driver path; both convert.
    const bytes = Buffer.isBuffer(doc.data) ? doc.data : Buffer.from((doc.data as unknown as { buffer: Uint8Array }).buffer);
    return { bytes, contentType: doc.contentType ?? 'application/octet-stream' };
  }
}
