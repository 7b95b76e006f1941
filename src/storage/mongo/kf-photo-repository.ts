import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** A photo a resident sent with an opinion: WeCom's media id (downloadable for 3 days). */
export interface KfPhoto {
  opinionNumber: string;
  residentId: string;
  mediaId: string;
  receivedAt: Date;
}

interface KfPhotoDocument extends KfPhoto {
  _id: Types.ObjectId;
}

const kfPhotoSchema = new Schema<KfPhotoDocument>(
  { opinionNumber: { type: String, required: true }, residentId: { type: String, required: true }, mediaId: { type: String, required: true }, receivedAt: { type: Date, required: true } },
  { collection: 'kf_photos', versionKey: false },
);
kfPhotoSchema.index({ opinionNumber: 1 });

/**
 * Residents' photos per opinion (collection `kf_photos`).
 *
 * @example
 * await photos.add([{ opinionNumber: 'MY-2026-000001', residentId, mediaId, receivedAt: now }]);
 */
export class MongoKfPhotoRepository {
  private readonly model: Model<KfPhotoDocument>;

  constructor(connection: Connection) {
    this.model = (connection.models.KfPhoto as Model<KfPhotoDocument> | undefined) ?? connection.model<KfPhotoDocument>('KfPhoto', kfPhotoSchema);
  }

  async add(photos: KfPhoto[]): Promise<void> {
    if (photos.length > 0) await this.model.insertMany(photos);
  }

  async listFor(opinionNumber: string): Promise<KfPhoto[]> {
    const docs = await this.model.find({ opinionNumber: { $eq: opinionNumber } }).sort({ receivedAt: 1 }).lean<KfPhotoDocument[]>();
    return docs.map(({ opinionNumber: number, residentId, mediaId, receivedAt }) => ({ opinionNumber: number, residentId, mediaId, receivedAt }));
  }
}
