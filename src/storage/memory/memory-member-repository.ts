import { MEMBER_ROLES } from '../../core/roles.js';
import type { MemberRecord, MemberRepository, NewMember } from '../../services/members/member-records.js';
import { copyOf, definedOnly, duplicateKeyError, isRecordId, newRecordId, trimmed } from './memory-records.js';

type MemberChanges = Partial<NewMember & { active: boolean }>;

const TRIMMED = ['name', 'sector', 'wecomUserId', 'dingtalkStaffId', 'phone'] as const;
const PLATFORM_FIELDS = { wecom: 'wecomUserId', dingtalk: 'dingtalkStaffId' } as const;

/** Members held in this process: same contract as the Mongo repository, for tests and single-instance runs. */
export class MemoryMemberRepository implements MemberRepository {
  private readonly members = new Map<string, MemberRecord>();

  async create(member: NewMember): Promise<MemberRecord> {
    const now = new Date();
    const record = this.checked({
      isConvenor: false,
      active: true,
      ...trimmed(definedOnly(member), TRIMMED),
      id: newRecordId(),
      createdAt: now,
      updatedAt: now,
    } as MemberRecord);
    this.members.set(record.id, record);
    return copyOf(record);
  }

  /** Like MongoDB's ordered insert: members before a duplicate are kept, the rest are not tried. */
  async createMany(members: NewMember[]): Promise<MemberRecord[]> {
    const created: MemberRecord[] = [];
    for (const member of members) created.push(await this.create(member));
    return created;
  }

  async findById(id: string): Promise<MemberRecord | null> {
    const record = isRecordId(id) ? this.members.get(id) : undefined;
    return record ? copyOf(record) : null;
  }

  async findByPlatformId(platform: 'wecom' | 'dingtalk', userId: string): Promise<MemberRecord | null> {
    const field = PLATFORM_FIELDS[platform];
    const record = [...this.members.values()].find((m) => m.active && m[field] === userId);
    return record ? copyOf(record) : null;
  }

  async findByName(name: string): Promise<MemberRecord[]> {
    return [...this.members.values()].filter((m) => m.active && m.name === name).map(copyOf);
  }

  async list(filter: { role?: MemberRecord['role']; sector?: string; activeOnly?: boolean } = {}): Promise<MemberRecord[]> {
    return [...this.members.values()]
      .filter((m) => (!filter.role || m.role === filter.role) && (!filter.sector || m.sector === filter.sector))
      .filter((m) => filter.activeOnly === false || m.active)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map(copyOf);
  }

  async update(id: string, changes: MemberChanges): Promise<MemberRecord | null> {
    const existing = isRecordId(id) ? this.members.get(id) : undefined;
    if (!existing) return null;
    const record = this.checked({ ...existing, ...trimmed(definedOnly(changes), TRIMMED), updatedAt: new Date() });
    this.members.set(id, record);
    return copyOf(record);
  }

  async erasePersonalData(id: string, placeholderName: string): Promise<MemberRecord | null> {
    const existing = isRecordId(id) ? this.members.get(id) : undefined;
    if (!existing) return null;
    const { phone: _phone, wecomUserId: _wecom, dingtalkStaffId: _dingtalk, ...kept } = existing;
    const record: MemberRecord = { ...kept, name: placeholderName, updatedAt: new Date() };
    this.members.set(id, record);
    return copyOf(record);
  }

  async remove(id: string): Promise<boolean> {
    return isRecordId(id) && this.members.delete(id);
  }

  /** The schema's rules: a known role, and each platform id on one member only (active or not). */
  private checked(record: MemberRecord): MemberRecord {
    if (!MEMBER_ROLES.includes(record.role)) throw new Error(`member validation failed: role: "${record.role}" is not a role`);
    for (const field of Object.values(PLATFORM_FIELDS)) {
      const value = record[field];
      if (value === undefined) continue;
      const taken = [...this.members.values()].some((m) => m.id !== record.id && m[field] === value);
      if (taken) throw duplicateKeyError('members', field);
    }
    return record;
  }
}
