import { Schema, type Connection, type Model, type Types } from 'mongoose';

export const PROPOSAL_STATES = ['draft', 'submitted'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export interface ProposalDocument {
  _id: Types.ObjectId;
  /** `TA-2026-0001`: the year and a per-year sequence. */
  number: string;
  year: number;
  seq: number;
  title: string;
  reasons: string;
  suggestions: string;
  authorId: string;
  coSignerIds: string[];
  /** The opinion it grew from (`MY-2026-000123`), when drafted with 提案 <编号>. */
  fromOpinion?: string;
  state: ProposalState;
  submittedAt?: Date;
  submittedBy?: string;
  createdAt: Date;
  updatedAt: Date;
}

const proposalSchema = new Schema<ProposalDocument>(
  {
    number: { type: String, required: true },
    year: { type: Number, required: true },
    seq: { type: Number, required: true },
    title: { type: String, required: true, maxlength: 200 },
    reasons: { type: String, required: true, maxlength: 5000 },
    suggestions: { type: String, required: true, maxlength: 5000 },
    authorId: { type: String, required: true },
    coSignerIds: { type: [String], default: [] },
    fromOpinion: String,
    state: { type: String, required: true, enum: PROPOSAL_STATES },
    submittedAt: Date,
    submittedBy: String,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'proposals', versionKey: false },
);
proposalSchema.index({ number: 1 }, { unique: true });
proposalSchema.index({ state: 1, createdAt: 1 });
proposalSchema.index({ authorId: 1, createdAt: -1 });

export function proposalModel(connection: Connection): Model<ProposalDocument> {
  return (
    (connection.models.Proposal as Model<ProposalDocument> | undefined) ?? connection.model<ProposalDocument>('Proposal', proposalSchema)
  );
}
