import type { Address } from '../../platforms/types.js';

// The committee groups' own model and the repository the group directory and the outbox need.

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

/**
 * The directory of committee groups and their delivery channels (implemented in
 * src/storage/mongo/group-repository.ts).
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
