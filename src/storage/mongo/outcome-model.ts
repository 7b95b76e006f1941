import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { OUTCOME_STATES, OUTCOME_STEP_ACTIONS, type OutcomeRecord } from '../../services/outcomes/outcome-records.js';

/** The stored 协商成果 item: the record with an ObjectId for its id and the year counter's bookkeeping. */
export interface OutcomeDocument extends Omit<OutcomeRecord, 'id'> {
  _id: Types.ObjectId;
  year: number;
  seq: number;
}

const stepSchema = new Schema(
  {
    at: { type: Date, required: true },
    by: { type: String, required: true },
    byName: { type: String, required: true },
    action: { type: String, required: true, enum: OUTCOME_STEP_ACTIONS },
    note: { type: String, maxlength: 1000 },
    fromDate: { type: String, match: /^\d{4}-\d{2}-\d{2}$/ },
    toDate: { type: String, match: /^\d{4}-\d{2}-\d{2}$/ },
  },
  { _id: false },
);

const responsibleSchema = new Schema(
  {
    kind: { type: String, required: true, enum: ['unit', 'member'] },
    /** The unit's name; a member is kept by id only (their name comes from the directory). */
    name: { type: String, maxlength: 100 },
    memberId: String,
  },
  { _id: false },
);

const outcomeSchema = new Schema<OutcomeDocument>(
  {
    number: { type: String, required: true },
    year: { type: Number, required: true },
    seq: { type: Number, required: true },
    text: { type: String, required: true, maxlength: 1000 },
    responsible: { type: responsibleSchema, required: true },
    dueDate: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    state: { type: String, required: true, enum: OUTCOME_STATES },
    reason: { type: String, maxlength: 1000 },
    eventId: String,
    eventNumber: Number,
    opinionNumbers: { type: [String], default: [] },
    supervisedAt: Date,
    extensions: { type: Number, min: 0 },
    deliveredAt: Date,
    steps: { type: [stepSchema], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'outcomes', versionKey: false },
);
outcomeSchema.index({ number: 1 }, { unique: true });
outcomeSchema.index({ state: 1, dueDate: 1 });
outcomeSchema.index({ eventId: 1 });
outcomeSchema.index({ opinionNumbers: 1 });

export function outcomeModel(connection: Connection): Model<OutcomeDocument> {
  return (connection.models.Outcome as Model<OutcomeDocument> | undefined) ?? connection.model<OutcomeDocument>('Outcome', outcomeSchema);
}
