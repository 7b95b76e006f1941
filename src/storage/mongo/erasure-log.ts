import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { ErasureLog, ErasureRecord, ErasureSubject } from '../../services/privacy/erasure-records.js';

interface ErasureDocument extends Omit<ErasureRecord, 'id'> {
  _id: Types.ObjectId;
}

const erasureSchema = new Schema<ErasureDocument>(
  {
    subject: { type: String, required: true, enum: ['member', 'resident'] },
    subjectId: { type: String, required: true },
    by: { type: String, required: true },
    reason: { type: String, required: true },
    erased: { type: [String], default: [] },
    opinions: { type: Number, default: 0 },
    at: { type: Date, required: true },
  },
  { collection: 'erasures', versionKey: false },
);
erasureSchema.index({ subject: 1, subjectId: 1, at: 1 });

const toRecord = ({ _id, ...rest }: ErasureDocument): ErasureRecord => ({ id: _id.toHexString(), ...rest });

/** The erasure audit log in the `erasures` collection. */
export class MongoErasureLog implements ErasureLog {
  private readonly model: Model<ErasureDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.Erasure as Model<ErasureDocument> | undefined) ?? connection.model<ErasureDocument>('Erasure', erasureSchema);
  }

  async append(entry: Omit<ErasureRecord, 'id'>): Promise<ErasureRecord> {
    const doc = await this.model.create(entry);
    return toRecord(doc.toObject());
  }

  async listFor(subject: ErasureSubject, subjectId: string): Promise<ErasureRecord[]> {
    const docs = await this.model
      .find({ subject: { $eq: subject }, subjectId: { $eq: subjectId } })
      .sort({ at: 1, _id: 1 })
      .lean<ErasureDocument[]>();
    return docs.map(toRecord);
  }
}
