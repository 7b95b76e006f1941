import type { Connection, Model } from 'mongoose';
import { memberModel, type MemberDocument } from './member-model.js';
import { isObjectId } from './object-id.js';
import type { MemberRecord, MemberRepository, NewMember } from '../../services/members/member-records.js';
import { refusingDuplicates } from './duplicate-key.js';

function toRecord(doc: MemberDocument): MemberRecord {
  return {
    id: doc._id.toHexString(),
    name: doc.name,
    sector: doc.sector,
    role: doc.role,
    ...(doc.wecomUserId ? { wecomUserId: doc.wecomUserId } : {}),
    ...(doc.dingtalkStaffId ? { dingtalkStaffId: doc.dingtalkStaffId } : {}),
    ...(doc.phone ? { phone: doc.phone } : {}),
    isConvenor: doc.isConvenor,
    active: doc.active,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export class MongoMemberRepository implements MemberRepository {
  private readonly model: Model<MemberDocument>;

  constructor(connection: Connection) {
    this.model = memberModel(connection);
  }

  async create(member: NewMember): Promise<MemberRecord> {
    const doc = await refusingDuplicates('members', () => this.model.create(member));
    return toRecord(doc.toObject());
  }

  async createMany(members: NewMember[]): Promise<MemberRecord[]> {
    const docs = await refusingDuplicates('members', () => this.model.insertMany(members, { ordered: true }));
    return docs.map((doc) => toRecord(doc.toObject() as MemberDocument));
  }

  async findById(id: string): Promise<MemberRecord | null> {
    if (!isObjectId(id)) return null;
    const doc = await this.model.findById(id).lean<MemberDocument>();
    return doc ? toRecord(doc) : null;
  }

  async findByPlatformId(platform: 'wecom' | 'dingtalk', userId: string): Promise<MemberRecord | null> {
    const field = platform === 'wecom' ? 'wecomUserId' : 'dingtalkStaffId';
    const doc = await this.model.findOne({ [field]: { $eq: userId }, active: true }).lean<MemberDocument>();
    return doc ? toRecord(doc) : null;
  }

  async findByName(name: string): Promise<MemberRecord[]> {
    const docs = await this.model.find({ name: { $eq: name }, active: true }).lean<MemberDocument[]>();
    return docs.map(toRecord);
  }

  async list(filter: { role?: MemberRecord['role']; sector?: string; activeOnly?: boolean } = {}): Promise<MemberRecord[]> {
    const query: Record<string, unknown> = {};
    if (filter.role) query.role = { $eq: filter.role };
    if (filter.sector) query.sector = { $eq: filter.sector };
    if (filter.activeOnly !== false) query.active = true;
    const docs = await this.model.find(query).sort({ createdAt: 1 }).lean<MemberDocument[]>();
    return docs.map(toRecord);
  }

  async update(id: string, changes: Partial<NewMember & { active: boolean }>): Promise<MemberRecord | null> {
    if (!isObjectId(id)) return null;
    const doc = await refusingDuplicates('members', () =>
      this.model.findByIdAndUpdate(id, { $set: changes }, { new: true, runValidators: true }).lean<MemberDocument>(),
    );
    return doc ? toRecord(doc) : null;
  }

  async erasePersonalData(id: string, placeholderName: string): Promise<MemberRecord | null> {
    if (!isObjectId(id)) return null;
    const doc = await this.model
      .findByIdAndUpdate(id, { $set: { name: placeholderName }, $unset: { phone: 1, wecomUserId: 1, dingtalkStaffId: 1 } }, { new: true })
      .lean<MemberDocument>();
    return doc ? toRecord(doc) : null;
  }

  async remove(id: string): Promise<boolean> {
    if (!isObjectId(id)) return false;
    const result = await this.model.deleteOne({ _id: id });
    return result.deletedCount === 1;
  }
}
