import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { Address } from '../../platforms/types.js';
import type { AddressIdentity } from '../../services/address-identity.js';
import type { ChannelBroken, GroupChannel, GroupRecord, GroupRepository } from '../../services/groups/group-records.js';
import { isDuplicateKeyError } from './duplicate-key.js';

interface GroupDocument {
  _id: Types.ObjectId;
  key: string;
  name: string;
  channels: GroupChannel[];
  createdAt: Date;
  updatedAt: Date;
}

const groupSchema = new Schema<GroupDocument>(
  {
    key: { type: String, required: true },
    name: { type: String, required: true },
    // Each channel is an Address union member (plus `broken`); validated by the admin API.
    channels: { type: Schema.Types.Mixed, default: () => [] },
  },
  { collection: 'groups', timestamps: true, versionKey: false },
);
groupSchema.index({ key: 1 }, { unique: true });

function toRecord(doc: GroupDocument): GroupRecord {
  return { key: doc.key, name: doc.name, channels: doc.channels ?? [], createdAt: doc.createdAt, updatedAt: doc.updatedAt };
}

export class MongoGroupRepository implements GroupRepository {
  private readonly model: Model<GroupDocument>;

  /** `addresses` tells which stored channel an address is (each platform's rule). */
  constructor(
    connection: Connection,
    private readonly addresses: Pick<AddressIdentity, 'key'>,
  ) {
    this.model = (connection.models.Group as Model<GroupDocument> | undefined) ?? connection.model<GroupDocument>('Group', groupSchema);
  }

  async create(group: { key: string; name: string; channels: Address[] }): Promise<GroupRecord | null> {
    try {
      const doc = await this.model.create(group);
      return toRecord(doc.toObject());
    } catch (error) {
      if (isDuplicateKeyError(error)) return null;
      throw error;
    }
  }

  async list(): Promise<GroupRecord[]> {
    const docs = await this.model.find().sort({ key: 1 }).lean<GroupDocument[]>();
    return docs.map(toRecord);
  }

  async findByKey(key: string): Promise<GroupRecord | null> {
    const doc = await this.model.findOne({ key: { $eq: key } }).lean<GroupDocument>();
    return doc ? toRecord(doc) : null;
  }

  async update(key: string, changes: { name?: string; channels?: Address[] }): Promise<GroupRecord | null> {
    const set: Partial<Pick<GroupDocument, 'name' | 'channels'>> = {};
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.channels !== undefined) set.channels = changes.channels;
    const doc = await this.model.findOneAndUpdate({ key: { $eq: key } }, { $set: set }, { new: true }).lean<GroupDocument>();
    return doc ? toRecord(doc) : null;
  }

  async remove(key: string): Promise<boolean> {
    const result = await this.model.deleteOne({ key: { $eq: key } });
    return result.deletedCount === 1;
  }

  async markChannelBroken(key: string, address: Address, broken: ChannelBroken): Promise<GroupRecord | null> {
    const before = await this.findByKey(key);
    if (!before) return null;
    const target = this.addresses.key(address);
    const index = before.channels.findIndex((channel) => this.addresses.key(channel) === target);
    if (index === -1 || before.channels[index]!.broken) return null;
    const channels = before.channels.map((channel, i) => (i === index ? { ...channel, broken } : channel));
    // Guarded by the version read above, so a concurrent admin edit is not overwritten.
    const result = await this.model.updateOne({ key: { $eq: key }, updatedAt: before.updatedAt }, { $set: { channels } });
    return result.modifiedCount === 1 ? before : null;
  }
}
