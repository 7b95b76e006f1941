import type { Connection, Model } from 'mongoose';
import { shiftSwapModel, type ShiftSwapDocument } from './shift-model.js';
import type { ShiftSwapRecord, ShiftSwapRepository, SwapState } from '../../services/roster/shift-records.js';
import { isObjectId } from './object-id.js';
import { isDuplicateKeyError } from './duplicate-key.js';

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
      if (isDuplicateKeyError(error)) return null;
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

  async listRange(from: string, to: string, limit: number): Promise<ShiftSwapRecord[]> {
    const docs = await this.model
      .find({ date: { $gte: from, $lte: to } })
      .sort({ date: 1, createdAt: 1 })
      .limit(limit)
      .lean<ShiftSwapDocument[]>();
    return docs.map(toRecord);
  }

  async close(id: string, state: Exclude<SwapState, 'pending'>, at: Date): Promise<ShiftSwapRecord | null> {
    if (!isObjectId(id)) return null;
    const doc = await this.model
      .findOneAndUpdate({ _id: id, state: 'pending' }, { $set: { state, answeredAt: at }, $unset: { openShiftId: 1 } }, { new: true })
      .lean<ShiftSwapDocument>();
    return doc ? toRecord(doc) : null;
  }
}
