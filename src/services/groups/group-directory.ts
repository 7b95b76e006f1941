import { YishiError } from '../../core/errors.js';
import type { Messages } from '../../i18n/messages.js';
import type { Address } from '../../platforms/types.js';
import type { AddressIdentity } from '../address-identity.js';
import { GROUP_CHANNELS_MAX, GROUP_KEY_PATTERN, GROUP_NAME_MAX, type GroupRecord, type GroupRepository } from './group-records.js';

/** What registering a chat did. */
export type ChatRegistration = { outcome: 'created' | 'added' | 'already' | 'repaired' | 'renamed'; group: GroupRecord };

/**
 * The committee groups directory as chat commands use it: staff register the group chat they
 * are in as a notice channel of a directory group, without copying ids out of logs.
 */
export class GroupDirectory {
  constructor(private readonly deps: { groups: GroupRepository; messages: Messages; addresses: Pick<AddressIdentity, 'key'> }) {}

  /**
   * Adds `address` to the channels of group `key`, creating the group when it does not exist
   * (named `names.given`, else the chat's title, else the key). An existing group is renamed only
   * to a name given. A channel flagged broken is made whole again.
   */
  async registerChat(key: string, address: Address, names: { given?: string; chatTitle?: string }): Promise<ChatRegistration> {
    const t = this.deps.messages.groups;
    const { given } = names;
    if (!GROUP_KEY_PATTERN.test(key)) throw new YishiError('group_key_invalid', { userMessage: t.badKey(key) });
    if (given !== undefined && given.length > GROUP_NAME_MAX) throw new YishiError('group_name_invalid', { userMessage: t.badName });
    const existing = await this.deps.groups.findByKey(key);
    if (!existing) {
      const name = given ?? names.chatTitle?.slice(0, GROUP_NAME_MAX) ?? key;
      const created = await this.deps.groups.create({ key, name, channels: [address] });
      // Someone created it a moment ago: add to theirs.
      if (!created) return this.registerChat(key, address, names);
      return { outcome: 'created', group: created };
    }
    const wanted = this.deps.addresses.key(address);
    const mine = existing.channels.find((channel) => this.deps.addresses.key(channel) === wanted);
    if (mine && !mine.broken && (given === undefined || given === existing.name)) return { outcome: 'already', group: existing };
    if (!mine && existing.channels.length >= GROUP_CHANNELS_MAX)
      throw new YishiError('group_channels_full', { userMessage: t.tooManyChannels(key) });
    // Other channels keep their broken flags; only this chat's is cleared.
    const channels = mine
      ? existing.channels.map((channel) => (this.deps.addresses.key(channel) === wanted ? address : channel))
      : [...existing.channels, address];
    const updated = await this.deps.groups.update(key, { channels, ...(given ? { name: given } : {}) });
    if (!updated) return this.registerChat(key, address, names);
    return { outcome: !mine ? 'added' : mine.broken ? 'repaired' : 'renamed', group: updated };
  }
}
