import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** What happened, in the words of the 履职档案 (performance record). */
export const ACTIVITY_KINDS = [
  'shift-served', // 值班签到: a reception shift served
  'opinion-filed', // a member filed an opinion (反映)
  'opinion-accepted', // an opinion accepted (受理) by this member or staff
  'opinion-resolved', // resolved (办结 or 当场办结), on time or late, by its handler
  'opinion-rated', // the filer rated the result (满意 / 基本满意 / 不满意)
  'event-attended', // checked in at a consultation event (活动签到)
  'proposal-submitted', // staff marked a proposal (提案) submitted: one entry for the author
  'proposal-cosigned', // … and one for each co-signer (联名)
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface ActivityDocument {
  _id: Types.ObjectId;
  /** Unique per logical fact (`opinion-resolved:<id>:<round>`): a retried transition writes once. */
  key: string;
  kind: ActivityKind;
  at: Date;
  memberId?: string;
  /** What it is about: an opinion, shift, event or proposal id. */
  subjectId: string;
  /** Human reference (opinion number, proposal number, event number) for exports. */
  ref?: string;
  community?: string;
  onTime?: boolean;
  onSpot?: boolean;
  withinDay?: boolean;
  rating?: string;
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
