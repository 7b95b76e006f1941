import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { MEMBER_ROLES, type MemberRole } from '../../core/roles.js';

export interface MemberDocument {
  _id: Types.ObjectId;
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

const memberSchema = new Schema<MemberDocument>(
  {
    name: { type: String, required: true, trim: true },
    sector: { type: String, required: true, trim: true },
    role: { type: String, required: true, enum: [...MEMBER_ROLES] },
    wecomUserId: { type: String, trim: true },
    dingtalkStaffId: { type: String, trim: true },
    phone: { type: String, trim: true },
    isConvenor: { type: Boolean, default: false },
    active: { type: Boolean, default: true },
  },
  { timestamps: true, collection: 'members' },
);
// Unique only where set: FerretDB v1 has no partial indexes, so the ids are sparse unique.
memberSchema.index({ wecomUserId: 1 }, { unique: true, sparse: true });
memberSchema.index({ dingtalkStaffId: 1 }, { unique: true, sparse: true });
memberSchema.index({ name: 1 });

export function memberModel(connection: Connection): Model<MemberDocument> {
  return (connection.models.Member as Model<MemberDocument> | undefined) ?? connection.model<MemberDocument>('Member', memberSchema);
}
