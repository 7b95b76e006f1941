import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { ACTIVITY_KINDS, type ActivityRecord } from '../../services/records/activity-records.js';

/** The stored ledger line: the record with an ObjectId for its id and when it was written. */
export interface ActivityDocument extends Omit<ActivityRecord, 'id'> {
  _id: Types.ObjectId;
  createdAt: Date;
}

const activitySchema = new Schema<ActivityDocument>(
  {
    key: { type: String, required: true },
    kind: { type: String, required: true, enum: ACTIVITY_KINDS },
    at: { type: Date, required: true },
    memberId: String,
    subjectId: { type: String, required: true },
    ref: String,
    community: String,
    onTime: Boolean,
    onSpot: Boolean,
    withinDay: Boolean,
    rating: String,
    level: String,
    createdAt: { type: Date, required: true },
  },
  { collection: 'activities', versionKey: false },
);
activitySchema.index({ key: 1 }, { unique: true });
activitySchema.index({ at: 1, kind: 1 });
activitySchema.index({ memberId: 1, at: 1 });

export function activityModel(connection: Connection): Model<ActivityDocument> {
  return (
    (connection.models.Activity as Model<ActivityDocument> | undefined) ?? connection.model<ActivityDocument>('Activity', activitySchema)
  );
}
