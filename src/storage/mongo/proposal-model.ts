import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { PROPOSAL_STATES, type ProposalRecord } from '../../services/proposals/proposal-records.js';

/** The stored proposal: the record with an ObjectId for its id and the year counter's bookkeeping. */
export interface ProposalDocument extends Omit<ProposalRecord, 'id'> {
  _id: Types.ObjectId;
  year: number;
  seq: number;
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
