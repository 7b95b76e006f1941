import type { Connection, Model } from 'mongoose';
import { shiftModel, type ShiftDocument } from './shift-model.js';
import {
  byDateAndSlot,
  OPEN_SHIFT_STATES,
  type NewShift,
  type ShiftHistoryEntry,
  type ShiftRecord,
  type ShiftRepository,
  type ShiftState,
} from '../../services/roster/shift-records.js';
import { isObjectId } from './object-id.js';

function toRecord(doc: ShiftDocument): ShiftRecord {
  return {
    id: doc._id.toHexString(),
    date: doc.date,
    slot: doc.slot,
    memberId: doc.memberId,
    place: doc.place,
    state: doc.state,
    ...(doc.servedAt ? { servedAt: doc.servedAt } : {}),
    ...(doc.missedAt ? { missedAt: doc.missedAt } : {}),
    history: doc.history ?? [],
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export class MongoShiftRepository implements ShiftRepository {
  private readonly model: Model<ShiftDocument>;

  constructor(connection: Connection) {
    this.model = shiftModel(connection);
  }

  async listRange(from: string, to: string): Promise<ShiftRecord[]> {
    const docs = await this.model.find({ date: { $gte: from, $lte: to } }).lean<ShiftDocument[]>();
    return docs.map(toRecord).sort(byDateAndSlot);
  }

  async findById(id: string): Promise<ShiftRecord | null> {
    if (!isObjectId(id)) return null;
    const doc = await this.model.findById(id).lean<ShiftDocument>();
    return doc ? toRecord(doc) : null;
  }

  async listForMember(memberId: string, fromDate: string, limit: number): Promise<ShiftRecord[]> {
    const docs = await this.model
      .find({ memberId: { $eq: memberId }, date: { $gte: fromDate } })
      .sort({ date: 1 })
      .limit(limit * 2)
      .lean<ShiftDocument[]>();
    return docs.map(toRecord).sort(byDateAndSlot).slice(0, limit);
  }

  async latestBefore(date: string): Promise<ShiftRecord | null> {
    const docs = await this.model
      .find({ date: { $lt: date } })
      .sort({ date: -1 })
      .limit(3)
      .lean<ShiftDocument[]>();
    return docs.map(toRecord).sort(byDateAndSlot).at(-1) ?? null;
  }

  async listOpenUntil(date: string): Promise<ShiftRecord[]> {
    const docs = await this.model.find({ date: { $lte: date }, state: { $in: OPEN_SHIFT_STATES } }).lean<ShiftDocument[]>();
    return docs.map(toRecord).sort(byDateAndSlot);
  }

  async replaceInRange(from: string, to: string, states: readonly ShiftState[], shifts: NewShift[]): Promise<ShiftRecord[]> {
    await this.model.deleteMany({ date: { $gte: from, $lte: to }, state: { $in: states } });
    if (shifts.length === 0) return [];
    const docs = await this.model.insertMany(
      shifts.map((shift) => ({ ...shift, state: 'planned', history: [] })),
      { ordered: true },
    );
    return docs.map((doc) => toRecord(doc.toObject() as ShiftDocument));
  }

  async transition(
    id: string,
    from: readonly ShiftState[],
    to: ShiftState,
    extra: { servedAt?: Date; missedAt?: Date } = {},
  ): Promise<ShiftRecord | null> {
    if (!isObjectId(id)) return null;
    const doc = await this.model
      .findOneAndUpdate({ _id: id, state: { $in: from } }, { $set: { state: to, ...extra } }, { new: true })
      .lean<ShiftDocument>();
    return doc ? toRecord(doc) : null;
  }

  async reassign(
    id: string,
    change: { expectedMemberId?: string; toMemberId: string; state: ShiftState; entry: ShiftHistoryEntry },
  ): Promise<ShiftRecord | null> {
    if (!isObjectId(id)) return null;
    const filter: Record<string, unknown> = { _id: id, state: { $in: OPEN_SHIFT_STATES } };
    if (change.expectedMemberId) filter.memberId = { $eq: change.expectedMemberId };
    const doc = await this.model
      .findOneAndUpdate(
        filter,
        { $set: { memberId: change.toMemberId, state: change.state }, $push: { history: change.entry } },
        { new: true },
      )
      .lean<ShiftDocument>();
    return doc ? toRecord(doc) : null;
  }
}
