import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { isObjectId } from './object-id.js';
import type { DictionaryEntry, DictionaryRepository, NewDictionaryEntry } from '../../services/opinions/dictionary-records.js';
import { refusingDuplicates } from './duplicate-key.js';

interface DictionaryDocument {
  _id: Types.ObjectId;
  name: string;
  keywords: string[];
  code?: string;
  createdAt: Date;
  updatedAt: Date;
}

const toEntry = (doc: DictionaryDocument): DictionaryEntry => ({
  id: doc._id.toHexString(),
  name: doc.name,
  keywords: doc.keywords ?? [],
  ...(doc.code ? { code: doc.code } : {}),
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

/** The MongoDB dictionary; `modelName`/`collection` tell communities and categories apart. */
export class MongoDictionaryRepository implements DictionaryRepository {
  private readonly model: Model<DictionaryDocument>;

  constructor(connection: Connection, modelName: string, collection: string) {
    const existing = connection.models[modelName] as Model<DictionaryDocument> | undefined;
    if (existing) {
      this.model = existing;
      return;
    }
    const schema = new Schema<DictionaryDocument>(
      { name: { type: String, required: true, trim: true }, keywords: { type: [String], default: [] }, code: { type: String, trim: true } },
      { collection, timestamps: true, versionKey: false },
    );
    schema.index({ name: 1 }, { unique: true });
    schema.index({ code: 1 }, { unique: true, sparse: true });
    this.model = connection.model<DictionaryDocument>(modelName, schema);
  }

  async create(entry: NewDictionaryEntry): Promise<DictionaryEntry> {
    const doc = await refusingDuplicates(this.model.collection.collectionName, () => this.model.create(entry));
    return toEntry(doc.toObject());
  }

  async list(): Promise<DictionaryEntry[]> {
    const docs = await this.model.find({}).sort({ name: 1 }).lean<DictionaryDocument[]>();
    return docs.map(toEntry);
  }

  async findById(id: string): Promise<DictionaryEntry | null> {
    if (!isObjectId(id)) return null;
    const doc = await this.model.findById(id).lean<DictionaryDocument>();
    return doc ? toEntry(doc) : null;
  }

  async findByName(name: string): Promise<DictionaryEntry | null> {
    const doc = await this.model.findOne({ name: { $eq: name } }).lean<DictionaryDocument>();
    return doc ? toEntry(doc) : null;
  }

  async update(id: string, changes: Partial<NewDictionaryEntry>): Promise<DictionaryEntry | null> {
    if (!isObjectId(id)) return null;
    const doc = await refusingDuplicates(this.model.collection.collectionName, () =>
      this.model.findByIdAndUpdate(id, { $set: changes }, { new: true, runValidators: true }).lean<DictionaryDocument>(),
    );
    return doc ? toEntry(doc) : null;
  }

  async remove(id: string): Promise<boolean> {
    if (!isObjectId(id)) return false;
    return (await this.model.deleteOne({ _id: id })).deletedCount === 1;
  }
}
