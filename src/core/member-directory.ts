import type { MemberRole } from './roles.js';

/** What the bot needs to know of a registered person to name them and check their role. */
export interface KnownMember {
  id: string;
  /** The member's ids on the platforms that know members by an id of their own. */
  wecomUserId?: string;
  dingtalkStaffId?: string;
  name: string;
  sector: string;
  role: MemberRole;
  isConvenor: boolean;
}

/**
 * The narrow member lookup the bot needs: who is speaking, who was mentioned, who an answer
 * names. The members service's repository satisfies it; core never sees the full record.
 *
 * @example
 * const member = await directory.findByPlatformId('wecom', 'zhangsan');
 * const sameName = await directory.findByName('张三'); // active members only
 */
export interface MemberDirectory {
  /** Null for an unknown id, or for anything that is not an id of this store. */
  findById(id: string): Promise<KnownMember | null>;
  findByPlatformId(platform: 'wecom' | 'dingtalk', userId: string): Promise<KnownMember | null>;
  findByName(name: string): Promise<KnownMember[]>;
}
