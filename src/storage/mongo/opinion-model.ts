import { Schema, type Connection, type Model, type Types } from 'mongoose';
import {
  OPINION_GRADES,
  OPINION_RATINGS,
  OPINION_STATES,
  type AuditEntry,
  type OpinionRecord,
} from '../../services/opinions/opinion-records.js';

/** The stored opinion: the record with an ObjectId for its id and the year counter's bookkeeping. */
export interface OpinionDocument extends Omit<OpinionRecord, 'id'> {
  _id: Types.ObjectId;
  year: number;
  seq: number;
}

const auditSchema = new Schema<AuditEntry>(
  {
    who: String,
    whoName: String,
    whoRole: String,
    at: Date,
    from: { type: String, default: null },
    to: String,
    action: String,
    note: String,
    ref: String,
  },
  { _id: false },
);

const opinionSchema = new Schema<OpinionDocument>(
  {
    number: { type: String, required: true },
    year: { type: Number, required: true },
    seq: { type: Number, required: true },
    content: { type: String, required: true, maxlength: 2000 },
    source: { type: String, required: true, enum: ['member-chat', 'resident-service', 'console'] },
    filer: { kind: { type: String, enum: ['member', 'guest', 'resident'], required: true }, id: { type: String, required: true } },
    filerAddress: Schema.Types.Mixed,
    community: String,
    category: String,
    grade: { type: String, enum: OPINION_GRADES },
    handlerId: String,
    queueMemberId: String,
    limitStart: Date,
    deadline: Date,
    round: { type: Number, default: 0 },
    ladderLevel: { type: Number, default: 0 },
    state: { type: String, required: true, enum: OPINION_STATES },
    plusOnes: { count: { type: Number, default: 0 }, by: { type: [String], default: [] } },
    rating: { type: String, enum: OPINION_RATINGS },
    ratingReason: { type: String, maxlength: 2000 },
    reopenReason: { type: String, maxlength: 2000 },
    result: String,
    reason: String,
    mergedInto: String,
    acceptedAt: Date,
    resolvedAt: Date,
    closedAt: Date,
    audit: { type: [auditSchema], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'opinions', versionKey: false },
);
opinionSchema.index({ number: 1 }, { unique: true });
opinionSchema.index({ state: 1, community: 1 });
opinionSchema.index({ 'filer.id': 1, createdAt: -1 });
opinionSchema.index({ handlerId: 1, state: 1 });
opinionSchema.index({ state: 1, deadline: 1 });
// The workbench board: newest first, its change cursor, and its sorts.
opinionSchema.index({ createdAt: -1 });
opinionSchema.index({ updatedAt: -1 });

export function opinionModel(connection: Connection): Model<OpinionDocument> {
  return (connection.models.Opinion as Model<OpinionDocument> | undefined) ?? connection.model<OpinionDocument>('Opinion', opinionSchema);
}
