import type { Connection, Model } from 'mongoose';
import { activityModel, type ActivityDocument, type ActivityKind } from './activity-model.js';

export { ACTIVITY_KINDS, type ActivityKind } from './activity-model.js';

/** One line of the append-only activity ledger, as a plain record (fields documented on ActivityDocument). */
export interface ActivityRecord extends Omit<ActivityDocument, '_id' | 'createdAt'> {
  id: string;
}

export type NewActivity = Omit<ActivityRecord, 'id'>;

/**
 * The activity ledger (履职台账): facts written by the services at the moment they happen, never
 * typed by hand and never changed. Appending is idempotent on `key` (unique index).
 *
 * @example
 * await activities.append({ key: `shift-served:${shift.id}`, kind: 'shift-served', at: now, memberId, subjectId: shift.id }, now);
 * const november = await activities.listBetween(from, to);
 */
export interface ActivityRepository {
  /** True when stored now, false when an entry with this key already exists. */
  append(entry: NewActivity, now: Date): Promise<boolean>;
  /** Entries with `from <= at < to`, oldest first; optionally one member's or some kinds only. */
  listBetween(from: Date, to: Date, filter?: { memberId?: string; kinds?: readonly ActivityKind[] }): Promise<ActivityRecord[]>;
}

function toRecord(doc: ActivityDocument): ActivityRecord {
  const { _id, createdAt: _createdAt, ...rest } = doc;
  const record: Record<string, unknown> = { id: _id.toHexString() };
  for (const [key, value] of Object.entries(rest)) if (value !== undefined && value !== null) record[key] = value;
  return record as unknown as ActivityRecord;
}

export class MongoActivityRepository implements ActivityRepository {
  private readonly model: Model<ActivityDocument>;

  constructor(connection: Connection) {
    this.model = activityModel(connection);
  }

  async append(entry: NewActivity, now: Date): Promise<boolean> {
    try {
      await this.model.create({ ...entry, createdAt: now });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  async listBetween(from: Date, to: Date, filter: { memberId?: string; kinds?: readonly ActivityKind[] } = {}): Promise<ActivityRecord[]> {
    const query: Record<string, unknown> = { at: { $gte: from, $lt: to } };
    if (filter.memberId) query.memberId = { $eq: filter.memberId };
    if (filter.kinds) query.kind = { $in: [...filter.kinds] };
    const docs = await this.model.find(query).sort({ at: 1, _id: 1 }).lean<ActivityDocument[]>();
    return docs.map(toRecord);
  }
}
