import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { Address } from '../../platforms/types.js';

export const OPINION_STATES = [
  'submitted',
  'accepted',
  'assigned',
  'in_progress',
  'resolved',
  'escalated',
  'merged',
  'declined',
  'closed',
] as const;
export type OpinionState = (typeof OPINION_STATES)[number];
export const OPINION_GRADES = ['simple', 'general', 'complex'] as const;
export type OpinionGrade = (typeof OPINION_GRADES)[number];
export const OPINION_RATINGS = ['satisfied', 'basically', 'unsatisfied'] as const;
export type OpinionRating = (typeof OPINION_RATINGS)[number];
export type OpinionSource = 'member-chat' | 'resident-service' | 'console';

/** One line of the append-only audit trail. */
export interface AuditEntry {
  /** A member id, a resident id, or 'system'. */
  who: string;
  whoName?: string;
  whoRole: string;
  at: Date;
  from: OpinionState | null;
  to: OpinionState;
  action: string;
  note?: string;
  /** What the step refers to, e.g. `event:7` when a meeting outcome resolved it. */
  ref?: string;
}

export interface OpinionDocument {
  _id: Types.ObjectId;
  number: string;
  year: number;
  seq: number;
  content: string;
  source: OpinionSource;
  filer: { kind: 'member' | 'guest' | 'resident'; id: string };
  filerAddress?: Address;
  community?: string;
  category?: string;
  grade?: OpinionGrade;
  handlerId?: string;
  /** The member on duty whose 待办 holds a resident's opinion until someone accepts it. */
  queueMemberId?: string;
  limitStart?: Date;
  deadline?: Date;
  /** How many times it went back to in_progress (reopened); the overdue ladder restarts per round. */
  round: number;
  /** The highest overdue-ladder step already fired this round: 0, 50, 100 or 150. */
  ladderLevel: number;
  state: OpinionState;
  plusOnes: { count: number; by: string[] };
  rating?: OpinionRating;
  result?: string;
  reason?: string;
  mergedInto?: string;
  acceptedAt?: Date;
  resolvedAt?: Date;
  closedAt?: Date;
  audit: AuditEntry[];
  createdAt: Date;
  updatedAt: Date;
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

export function opinionModel(connection: Connection): Model<OpinionDocument> {
  return (connection.models.Opinion as Model<OpinionDocument> | undefined) ?? connection.model<OpinionDocument>('Opinion', opinionSchema);
}
