import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { Address } from '../../platforms/types.js';
import { addressKey } from '../../platforms/sender-registry.js';

/** Why and when a channel stopped working (e.g. the robot was removed from its WeCom group). */
export interface ChannelBroken {
  reason: string;
  at: Date;
}

/** A group key: no spaces or / ? # % \ (it goes in URLs), 1 to 50 characters. */
export const GROUP_KEY_PATTERN = /^[^\s/?#%\\]{1,50}$/;
export const GROUP_NAME_MAX = 100;
export const GROUP_CHANNELS_MAX = 20;

/** One way to reach a group (a robot webhook, a DingTalk conversation, …), flagged when broken. */
export type GroupChannel = Address & { broken?: ChannelBroken };

/**
 * A committee group: `staff` (the office group), a sector such as `无党派`, or any other key.
 * Notices addressed to the group go to every channel that is not broken.
 */
export interface GroupRecord {
  key: string;
  name: string;
  channels: GroupChannel[];
  createdAt: Date;
  updatedAt: Date;
}

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

/**
 * The directory of committee groups and their delivery channels.
 *
 * @example
 * await groups.create({ key: 'staff', name: '政协办公室', channels: [{ platform: 'wecom-group-robot', kind: 'group', webhookKey: 'abc' }] });
 * const staff = await groups.findByKey('staff');
 */
export interface GroupRepository {
  /** Null when the key is taken. */
  create(group: { key: string; name: string; channels: Address[] }): Promise<GroupRecord | null>;
  list(): Promise<GroupRecord[]>;
  findByKey(key: string): Promise<GroupRecord | null>;
  /** Replacing the channels clears their broken flags (the admin has fixed them). Null when absent. */
  update(key: string, changes: { name?: string; channels?: Address[] }): Promise<GroupRecord | null>;
  remove(key: string): Promise<boolean>;
  /**
   * Flags the channel with this address as broken. Returns the group as it was before, when this
   * call made the change; null when the group or channel is gone or it was already flagged.
   */
  markChannelBroken(key: string, address: Address, broken: ChannelBroken): Promise<GroupRecord | null>;
}

export class MongoGroupRepository implements GroupRepository {
  private readonly model: Model<GroupDocument>;

  constructor(connection: Connection) {
    this.model = (connection.models.Group as Model<GroupDocument> | undefined) ?? connection.model<GroupDocument>('Group', groupSchema);
  }

  async create(group: { key: string; name: string; channels: Address[] }): Promise<GroupRecord | null> {
    try {
      const doc = await this.model.create(group);
      return toRecord(doc.toObject());
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return null;
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
    const target = addressKey(address);
    const index = before.channels.findIndex((channel) => addressKey(channel) === target);
    if (index === -1 || before.channels[index]!.broken) return null;
    const channels = before.channels.map((channel, i) => (i === index ? { ...channel, broken } : channel));
    // Guarded by the version read above, so a concurrent admin edit is not overwritten.
    const result = await this.model.updateOne({ key: { $eq: key }, updatedAt: before.updatedAt }, { $set: { channels } });
    return result.modifiedCount === 1 ? before : null;
  }
}
