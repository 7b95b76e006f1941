import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { EVENT_STATES, type EventState } from '../../services/events/event-records.js';

export interface EventDocument {
  _id: Types.ObjectId;
  /** The short number people type: 报名 7. */
  number: number;
  programmeId?: string;
  title: string;
  theme?: string;
  sectors: string[];
  startAt: Date;
  endAt: Date;
  place: string;
  organiser?: string;
  /** Group keys that get reminders: sector names or 'staff'. */
  targetGroups: string[];
  /** Member ids invited by name. */
  invitees: string[];
  /** Absent: no limit. */
  capacity?: number | null;
  state: EventState;
  /** Per-event reminder offsets; absent means the default (3 days, 1 day, 1 hour). */
  reminderOffsetsMinutes?: number[] | null;
  /** Bumped whenever the reminder schedule changes; part of every reminder's idempotency key. */
  scheduleVersion: number;
  outcome?: { text: string; recordedAt: Date; recordedBy: string; opinionNumbers: string[] } | null;
  createdAt: Date;
  updatedAt: Date;
}

const eventSchema = new Schema<EventDocument>(
  {
    number: { type: Number, required: true },
    programmeId: String,
    title: { type: String, required: true, trim: true },
    theme: { type: String, trim: true },
    sectors: { type: [String], default: [] },
    startAt: { type: Date, required: true },
    endAt: { type: Date, required: true },
    place: { type: String, required: true, trim: true },
    organiser: { type: String, trim: true },
    targetGroups: { type: [String], default: [] },
    invitees: { type: [String], default: [] },
    capacity: { type: Number, default: null },
    state: { type: String, required: true, enum: EVENT_STATES },
    reminderOffsetsMinutes: { type: [Number], default: undefined },
    scheduleVersion: { type: Number, default: 1 },
    outcome: { type: Schema.Types.Mixed, default: null },
  },
  { timestamps: true, collection: 'events', versionKey: false },
);
eventSchema.index({ number: 1 }, { unique: true });
eventSchema.index({ startAt: 1 });
eventSchema.index({ programmeId: 1, startAt: 1 });

export function eventModel(connection: Connection): Model<EventDocument> {
  return (connection.models.Event as Model<EventDocument> | undefined) ?? connection.model<EventDocument>('Event', eventSchema);
}

/**
 * One sign-up, holding one seat. Sign-ups and check-ins are documents of their own, not arrays on
 * the event: an insert guarded by a unique index is atomic on MongoDB and on FerretDB alike,
 * whereas concurrent conditional updates of one document lose writes on FerretDB/SQLite.
 * `seat` is `s<k>` (1 ≤ k ≤ capacity) when the event has a capacity, `m:<memberId>` otherwise.
 */
export interface EventSignupDocument {
  _id: Types.ObjectId;
  eventId: string;
  memberId: string;
  seat: string;
  at: Date;
}

/** One check-in: who attended which event, and when. */
export interface EventAttendanceDocument {
  _id: Types.ObjectId;
  eventId: string;
  memberId: string;
  at: Date;
}

const signupSchema = new Schema<EventSignupDocument>(
  {
    eventId: { type: String, required: true },
    memberId: { type: String, required: true },
    seat: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'event_signups', versionKey: false },
);
signupSchema.index({ eventId: 1, memberId: 1 }, { unique: true });
signupSchema.index({ eventId: 1, seat: 1 }, { unique: true });

const attendanceSchema = new Schema<EventAttendanceDocument>(
  { eventId: { type: String, required: true }, memberId: { type: String, required: true }, at: { type: Date, required: true } },
  { collection: 'event_attendance', versionKey: false },
);
attendanceSchema.index({ eventId: 1, memberId: 1 }, { unique: true });
attendanceSchema.index({ memberId: 1, at: 1 });

export function eventSignupModel(connection: Connection): Model<EventSignupDocument> {
  return (
    (connection.models.EventSignup as Model<EventSignupDocument> | undefined) ??
    connection.model<EventSignupDocument>('EventSignup', signupSchema)
  );
}

export function eventAttendanceModel(connection: Connection): Model<EventAttendanceDocument> {
  return (
    (connection.models.EventAttendance as Model<EventAttendanceDocument> | undefined) ??
    connection.model<EventAttendanceDocument>('EventAttendance', attendanceSchema)
  );
}
