import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { Address } from '../../platforms/types.js';
import { isObjectId } from './object-id.js';
import type { ResidentRecord, ResidentRepository } from '../../services/residents/resident-records.js';

interface ResidentDocument {
  _id: Types.ObjectId;
  identityKey: string;
  address?: Address;
  name?: string;
  phone?: string;
  createdAt: Date;
  updatedAt: Date;
}

const residentSchema = new Schema<ResidentDocument>(
  {
    identityKey: { type: String, required: true },
    address: { type: Schema.Types.Mixed },
    name: String,
    phone: String,
  },
  { collection: 'residents', timestamps: true, versionKey: false },
);
residentSchema.index({ identityKey: 1 }, { unique: true });

function toRecord(doc: ResidentDocument): ResidentRecord {
  return {
    id: doc._id.toHexString(),
    identityKey: doc.identityKey,
    ...(doc.address ? { address: doc.address } : {}),
    ...(doc.name ? { name: doc.name } : {}),
    ...(doc.phone ? { phone: doc.phone } : {}),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** Residents in MongoDB, one document per platform identity (unique `identityKey`). */
export class MongoResidentRepository implements ResidentRepository {
  private readonly model: Model<ResidentDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.Resident as Model<ResidentDocument> | undefined) ?? connection.model<ResidentDocument>('Resident', residentSchema);
  }

  /** The resident with this identity, created on first contact (safe under concurrency). */
  async findOrCreate(identityKey: string, address: Address): Promise<ResidentRecord> {
    const doc = await this.model
      .findOneAndUpdate({ identityKey: { $eq: identityKey } }, { $setOnInsert: { identityKey, address } }, { upsert: true, new: true })
      .lean<ResidentDocument>();
    return toRecord(doc!);
  }

  async findById(id: string): Promise<ResidentRecord | null> {
    if (!isObjectId(id)) return null;
    const doc = await this.model.findById(id).lean<ResidentDocument>();
    return doc ? toRecord(doc) : null;
  }

  /** Many residents at once (exports mask their names); unknown ids are left out. */
  async findByIds(ids: readonly string[]): Promise<ResidentRecord[]> {
    const valid = ids.filter((id) => /^[0-9a-f]{24}$/i.test(id));
    if (valid.length === 0) return [];
    const docs = await this.model.find({ _id: { $in: valid } }).lean<ResidentDocument[]>();
    return docs.map(toRecord);
  }

  async updateContact(id: string, contact: { name?: string; phone?: string }): Promise<ResidentRecord | null> {
    const doc = await this.model.findByIdAndUpdate(id, { $set: contact }, { new: true }).lean<ResidentDocument>();
    return doc ? toRecord(doc) : null;
  }

  /** Residents who still have a name or phone on record (for the retention job), oldest change first. */
  async listWithContact(limit = 1000): Promise<ResidentRecord[]> {
    const docs = await this.model
      .find({ $or: [{ name: { $exists: true } }, { phone: { $exists: true } }] })
      .sort({ updatedAt: 1 })
      .limit(limit)
      .lean<ResidentDocument[]>();
    return docs.map(toRecord);
  }

  /** Deletes name and phone (retention); the record and its opinions stay. */
  async eraseContact(id: string): Promise<void> {
    await this.model.updateOne({ _id: id }, { $unset: { name: 1, phone: 1 } });
  }

  async forgetIdentity(id: string): Promise<void> {
    if (!isObjectId(id)) return;
    await this.model.updateOne({ _id: id }, { $set: { identityKey: `erased:${id}` }, $unset: { name: 1, phone: 1, address: 1 } });
  }
}
