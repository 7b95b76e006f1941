import type { Address, AddressPlatform, PlatformDirectory } from '../platforms/types.js';
import type { AddressIdentity } from './address-identity.js';
import type { GroupRepository } from './groups/group-records.js';
import type { MemberRepository } from './members/member-records.js';
import type { ResidentRecord } from './residents/resident-records.js';
import type { Recipient } from './notifier.js';

/** One concrete place a notice goes to. */
export interface DeliveryTarget {
  address: Address;
  /** Hashed address identity (safe to store and log). */
  fingerprint: string;
  /** Set when the address is a channel of this group (so a broken robot can be flagged). */
  groupKey?: string;
}

export type Resolution = { ok: true; targets: DeliveryTarget[] } | { ok: false; reason: string };

export interface RecipientResolverDeps {
  members: Pick<MemberRepository, 'findById'>;
  residents: { findById(id: string): Promise<ResidentRecord | null> };
  groups: Pick<GroupRepository, 'findByKey'>;
  /** Which platforms can send right now (a member reachable on two platforms gets the one that is on). */
  senders: { has(platform: AddressPlatform): boolean };
  /** Where each platform reaches a member, the preferred platform first. */
  platforms: Pick<PlatformDirectory, 'memberAddresses'>;
  /** How addresses are named in bookkeeping (each platform's rule). */
  addresses: AddressIdentity;
}

/** Turns a {@link Recipient} (a person or group by name) into platform addresses. */
export class RecipientResolver {
  constructor(private readonly deps: RecipientResolverDeps) {}

  private target(address: Address, groupKey?: string): DeliveryTarget {
    return { address, fingerprint: this.deps.addresses.fingerprint(address), ...(groupKey ? { groupKey } : {}) };
  }

  async resolve(recipient: Recipient): Promise<Resolution> {
    switch (recipient.kind) {
      case 'address':
        return { ok: true, targets: [this.target(recipient.address)] };
      case 'member':
        return this.member(recipient.memberId);
      case 'resident': {
        const resident = await this.deps.residents.findById(recipient.residentId);
        if (!resident) return { ok: false, reason: `resident ${recipient.residentId} does not exist` };
        if (!resident.address) return { ok: false, reason: `resident ${recipient.residentId} was erased and cannot be reached` };
        return { ok: true, targets: [this.target(resident.address)] };
      }
      case 'group':
        return this.group(recipient.groupKey);
    }
  }

  /** The platforms in the composition's order; the first that reaches the member and can send wins. */
  private async member(memberId: string): Promise<Resolution> {
    const member = await this.deps.members.findById(memberId);
    if (!member) return { ok: false, reason: `member ${memberId} does not exist` };
    if (!member.active) return { ok: false, reason: `member ${memberId} is no longer active` };
    const candidates = this.deps.platforms.memberAddresses(member);
    const chosen = candidates.find((address) => this.deps.senders.has(address.platform)) ?? candidates[0];
    if (!chosen) return { ok: false, reason: `member ${memberId} is reachable on no platform` };
    return { ok: true, targets: [this.target(chosen)] };
  }

  private async group(groupKey: string): Promise<Resolution> {
    const group = await this.deps.groups.findByKey(groupKey);
    if (!group) return { ok: false, reason: `group "${groupKey}" does not exist; create it with POST /api/groups` };
    const working = group.channels.filter((channel) => !channel.broken);
    if (working.length === 0) {
      const why = group.channels.length === 0 ? 'has no channels' : 'has only broken channels';
      return { ok: false, reason: `group "${groupKey}" ${why}; add a working one with PATCH /api/groups/${encodeURIComponent(groupKey)}` };
    }
    return { ok: true, targets: working.map(({ broken: _broken, ...address }) => this.target(address as Address, groupKey)) };
  }
}
