import type { Connection, Model } from 'mongoose';
import { shiftSwapModel, type ShiftSlot, type ShiftSwapDocument, type SwapState } from './shift-model.js';
import { isObjectId } from './object-id.js';

export type { SwapState } from './shift-model.js';

/** A request to hand one shift to another member, waiting for their 同意 or 拒绝. */
export interface ShiftSwapRecord {
  id: string;
  shiftId: string;
  date: string;
  slot: ShiftSlot;
  fromMemberId: string;
  toMemberId: string;
  state: SwapState;
  createdAt: Date;
  answeredAt?: Date;
}

/**
 * Swap requests in MongoDB. At most one request per shift is pending (sparse unique index).
 *
 * @example
 * const request = await swaps.open({ shiftId, date: '2026-03-05', slot: '全天', fromMemberId, toMemberId, createdAt: now });
 * if (!request) { … one is already waiting for an answer … }
 */
export interface ShiftSwapRepository {
  /** Stores a pending request; null when the shift already has one pending. */
  open(request: Omit<ShiftSwapRecord, 'id' | 'state' | 'answeredAt'>): Promise<ShiftSwapRecord | null>;
  /** Requests waiting for this member's answer, oldest first. */
  listPendingFor(toMemberId: string): Promise<ShiftSwapRecord[]>;
  findPendingForShift(shiftId: string): Promise<ShiftSwapRecord | null>;
  /** Closes a pending request; null when it was no longer pending. */
  close(id: string, state: Exclude<SwapState, 'pending'>, at: Date): Promise<ShiftSwapRecord | null>;
}

function toRecord(doc: ShiftSwapDocument): ShiftSwapRecord {
  return {
    id: doc._id.toHexString(),
    shiftId: doc.shiftId,
    date: doc.date,
    slot: doc.slot,
    fromMemberId: doc.fromMemberId,
    toMemberId: doc.toMemberId,
    state: doc.state,
    createdAt: doc.createdAt,
    ...(doc.answeredAt ? { answeredAt: doc.answeredAt } : {}),
  };
}

export class MongoShiftSwapRepository implements ShiftSwapRepository {
  private readonly model: Model<ShiftSwapDocument>;

  constructor(connection: Connection) {
    this.model = shiftSwapModel(connection);
  }

  async open(request: Omit<ShiftSwapRecord, 'id' | 'state' | 'answeredAt'>): Promise<ShiftSwapRecord | null> {
    try {
      const doc = await this.model.create({ ...request, state: 'pending', openShiftId: request.shiftId });
      return toRecord(doc.toObject());
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return null;
      throw error;
    }
  }

  async listPendingFor(toMemberId: string): Promise<ShiftSwapRecord[]> {
    const docs = await this.model
      .find({ toMemberId: { $eq: toMemberId }, state: 'pending' })
      .sort({ createdAt: 1 })
      .lean<ShiftSwapDocument[]>();
    return docs.map(toRecord);
  }

  async findPendingForShift(shiftId: string): Promise<ShiftSwapRecord | null> {
    const doc = await this.model.findOne({ openShiftId: { $eq: shiftId } }).lean<ShiftSwapDocument>();
    return doc ? toRecord(doc) : null;
  }

  async close(id: string, state: Exclude<SwapState, 'pending'>, at: Date): Promise<ShiftSwapRecord | null> {
    if (!isObjectId(id)) return null;
    const doc = await this.model
      .findOneAndUpdate({ _id: id, state: 'pending' }, { $set: { state, answeredAt: at }, $unset: { openShiftId: 1 } }, { new: true })
      .lean<ShiftSwapDocument>();
    return doc ? toRecord(doc) : null;
  }
}
