import type { Address } from '../../platforms/types.js';
import type { AddressIdentity } from '../../services/address-identity.js';
import type { ChannelBroken, GroupRecord, GroupRepository } from '../../services/groups/group-records.js';
import { copyOf } from './memory-records.js';

/**
 * The committee groups held in this process; same contract as the Mongo one. `addresses` tells two
 * addresses of one channel apart from others (the platforms' address keys, given by the composition).
 */
export class MemoryGroupRepository implements GroupRepository {
  private readonly groups = new Map<string, GroupRecord>();

  constructor(private readonly addresses: Pick<AddressIdentity, 'key'>) {}

  async create(group: { key: string; name: string; channels: Address[] }): Promise<GroupRecord | null> {
    if (this.groups.has(group.key)) return null;
    const now = new Date();
    const record: GroupRecord = { key: group.key, name: group.name, channels: copyOf(group.channels), createdAt: now, updatedAt: now };
    this.groups.set(group.key, record);
    return copyOf(record);
  }

  async list(): Promise<GroupRecord[]> {
    return [...this.groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(copyOf);
  }

  async findByKey(key: string): Promise<GroupRecord | null> {
    const record = this.groups.get(key);
    return record ? copyOf(record) : null;
  }

  async update(key: string, changes: { name?: string; channels?: Address[] }): Promise<GroupRecord | null> {
    const record = this.groups.get(key);
    if (!record) return null;
    if (changes.name !== undefined) record.name = changes.name;
    if (changes.channels !== undefined) record.channels = copyOf(changes.channels);
    record.updatedAt = new Date();
    return copyOf(record);
  }

  async remove(key: string): Promise<boolean> {
    return this.groups.delete(key);
  }

  async markChannelBroken(key: string, address: Address, broken: ChannelBroken): Promise<GroupRecord | null> {
    const record = this.groups.get(key);
    if (!record) return null;
    const target = this.addresses.key(address);
    const index = record.channels.findIndex((channel) => this.addresses.key(channel) === target);
    if (index === -1 || record.channels[index]!.broken) return null;
    const before = copyOf(record);
    record.channels = record.channels.map((channel, i) => (i === index ? { ...channel, broken: copyOf(broken) } : channel));
    record.updatedAt = new Date();
    return before;
  }
}
