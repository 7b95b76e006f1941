import type { MemberRole } from '../../core/roles.js';

/** A committee member, staff or admin as the rest of Yishi sees it. */
export interface MemberRecord {
  id: string;
  name: string;
  sector: string;
  role: MemberRole;
  wecomUserId?: string;
  dingtalkStaffId?: string;
  phone?: string;
  isConvenor: boolean;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type NewMember = Pick<MemberRecord, 'name' | 'sector' | 'role'> &
  Partial<Pick<MemberRecord, 'wecomUserId' | 'dingtalkStaffId' | 'phone' | 'isConvenor'>>;

/**
 * Where members are kept (implemented in src/storage/mongo/member-repository.ts).
 *
 * @example
 * const member = await members.create({ name: '张三', sector: '无党派', role: 'member', wecomUserId: 'zhangsan' });
 */
export interface MemberRepository {
  create(member: NewMember): Promise<MemberRecord>;
  createMany(members: NewMember[]): Promise<MemberRecord[]>;
  /** Null for an unknown id, or for anything that is not an id of this store. */
  findById(id: string): Promise<MemberRecord | null>;
  findByPlatformId(platform: 'wecom' | 'dingtalk', userId: string): Promise<MemberRecord | null>;
  findByName(name: string): Promise<MemberRecord[]>;
  list(filter?: { role?: MemberRecord['role']; sector?: string; activeOnly?: boolean }): Promise<MemberRecord[]>;
  update(id: string, changes: Partial<NewMember & { active: boolean }>): Promise<MemberRecord | null>;
  /**
   * Replaces the name with `placeholderName` and removes phone and platform ids (an erasure: see
   * MemberService.erase). The record, its id, sector and role stay, so history still refers to it.
   */
  erasePersonalData(id: string, placeholderName: string): Promise<MemberRecord | null>;
  /** Removes the document; only an import's rollback uses it (people leave by deactivation). */
  remove(id: string): Promise<boolean>;
}
