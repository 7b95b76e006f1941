import { Schema, type Connection, type Model, type Types } from 'mongoose';
import {
  SHIFT_SLOTS,
  SHIFT_STATES,
  SWAP_STATES,
  type ShiftHistoryEntry,
  type ShiftRecord,
  type ShiftSwapRecord,
} from '../../services/roster/shift-records.js';

/** The stored shift: the record with an ObjectId for its id. */
export interface ShiftDocument extends Omit<ShiftRecord, 'id'> {
  _id: Types.ObjectId;
}

const historySchema = new Schema<ShiftHistoryEntry>(
  {
    at: { type: Date, required: true },
    kind: { type: String, required: true, enum: ['swap', 'reassign'] },
    fromMemberId: { type: String, required: true },
    toMemberId: { type: String, required: true },
    byMemberId: String,
  },
  { _id: false },
);

const shiftSchema = new Schema<ShiftDocument>(
  {
    date: { type: String, required: true },
    slot: { type: String, required: true, enum: SHIFT_SLOTS },
    memberId: { type: String, required: true },
    place: { type: String, required: true },
    state: { type: String, required: true, enum: SHIFT_STATES },
    servedAt: Date,
    missedAt: Date,
    history: { type: [historySchema], default: [] },
  },
  { timestamps: true, collection: 'shifts', versionKey: false },
);
// One member per slot per day; regeneration replaces only what is still to come.
shiftSchema.index({ date: 1, slot: 1 }, { unique: true });
shiftSchema.index({ memberId: 1, date: 1 });
shiftSchema.index({ state: 1, date: 1 });

export function shiftModel(connection: Connection): Model<ShiftDocument> {
  return (connection.models.Shift as Model<ShiftDocument> | undefined) ?? connection.model<ShiftDocument>('Shift', shiftSchema);
}

/** The stored swap request: the record with an ObjectId for its id. */
export interface ShiftSwapDocument extends Omit<ShiftSwapRecord, 'id'> {
  _id: Types.ObjectId;
  /** Set (to the shift id) only while pending: a sparse unique index allows one open request per shift. */
  openShiftId?: string;
}

const swapSchema = new Schema<ShiftSwapDocument>(
  {
    shiftId: { type: String, required: true },
    date: { type: String, required: true },
    slot: { type: String, required: true, enum: SHIFT_SLOTS },
    fromMemberId: { type: String, required: true },
    toMemberId: { type: String, required: true },
    state: { type: String, required: true, enum: SWAP_STATES },
    openShiftId: String,
    createdAt: { type: Date, required: true },
    answeredAt: Date,
  },
  { collection: 'shift_swaps', versionKey: false },
);
// FerretDB v1 has no partial indexes: sparse unique on a field that exists only while pending.
swapSchema.index({ openShiftId: 1 }, { unique: true, sparse: true });
swapSchema.index({ toMemberId: 1, state: 1 });
swapSchema.index({ date: 1, createdAt: 1 });

export function shiftSwapModel(connection: Connection): Model<ShiftSwapDocument> {
  return (
    (connection.models.ShiftSwap as Model<ShiftSwapDocument> | undefined) ?? connection.model<ShiftSwapDocument>('ShiftSwap', swapSchema)
  );
}
