import { Schema, type Connection, type Model } from 'mongoose';
import type { SettingsRepository } from '../../services/settings-records.js';

interface SettingDocument {
  _id: string;
  value: unknown;
  updatedAt: Date;
}

const settingSchema = new Schema<SettingDocument>(
  { _id: String, value: Schema.Types.Mixed, updatedAt: Date },
  { collection: 'settings', versionKey: false },
);

export class MongoSettingsRepository implements SettingsRepository {
  private readonly model: Model<SettingDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.Setting as Model<SettingDocument> | undefined) ?? connection.model<SettingDocument>('Setting', settingSchema);
  }

  async get<T>(key: string): Promise<T | null> {
    const doc = await this.model.findById(key).lean<SettingDocument>();
    return doc ? (doc.value as T) : null;
  }

  async set<T>(key: string, value: T, now: Date): Promise<void> {
    await this.model.updateOne({ _id: key }, { $set: { value, updatedAt: now } }, { upsert: true });
  }
}
