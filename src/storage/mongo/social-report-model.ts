import { Schema, type Connection, type Model, type Types } from 'mongoose';
import {
  SOCIAL_REPORT_LEVELS,
  SOCIAL_REPORT_STATES,
  type SocialReportRecord,
} from '../../services/social-reports/social-report-records.js';

/** The stored 社情民意信息 report: the record with an ObjectId for its id and the year counter's bookkeeping. */
export interface SocialReportDocument extends Omit<SocialReportRecord, 'id'> {
  _id: Types.ObjectId;
  year: number;
  seq: number;
}

const stepSchema = new Schema(
  {
    at: { type: Date, required: true },
    by: { type: String, required: true },
    byName: { type: String, required: true },
    action: { type: String, required: true, enum: [...SOCIAL_REPORT_STATES, 'edit'] },
    level: { type: String, enum: SOCIAL_REPORT_LEVELS },
    note: { type: String, maxlength: 1000 },
  },
  { _id: false },
);

// Field limits: the service checks the 1,500 characters of the whole text; these only stop what
// could never be a report.
const socialReportSchema = new Schema<SocialReportDocument>(
  {
    number: { type: String, required: true },
    year: { type: Number, required: true },
    seq: { type: Number, required: true },
    title: { type: String, required: true, maxlength: 200 },
    situation: { type: String, required: true, maxlength: 3000 },
    analysis: { type: String, required: true, maxlength: 3000 },
    suggestions: { type: String, required: true, maxlength: 3000 },
    unit: { type: String, default: '', maxlength: 100 },
    authorId: { type: String, required: true },
    fromOpinion: String,
    state: { type: String, required: true, enum: SOCIAL_REPORT_STATES },
    level: { type: String, enum: SOCIAL_REPORT_LEVELS },
    instruction: { type: String, maxlength: 1000 },
    reason: { type: String, maxlength: 1000 },
    adoptedAt: Date,
    steps: { type: [stepSchema], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'social_reports', versionKey: false },
);
socialReportSchema.index({ number: 1 }, { unique: true });
socialReportSchema.index({ state: 1, createdAt: 1 });
socialReportSchema.index({ authorId: 1, createdAt: -1 });
socialReportSchema.index({ createdAt: -1 });

export function socialReportModel(connection: Connection): Model<SocialReportDocument> {
  return (
    (connection.models.SocialReport as Model<SocialReportDocument> | undefined) ??
    connection.model<SocialReportDocument>('SocialReport', socialReportSchema)
  );
}
