import type { Connection, Model } from 'mongoose';
import { activityModel, type ActivityDocument } from './activity-model.js';
import type { ActivityKind, ActivityRecord, ActivityRepository, NewActivity } from '../../services/records/activity-records.js';
import { isDuplicateKeyError } from './duplicate-key.js';
import { BatchedInserts } from './group-commit.js';

function toRecord(doc: ActivityDocument): ActivityRecord {
  const { _id, createdAt: _createdAt, ...rest } = doc;
  const record: Record<string, unknown> = { id: _id.toHexString() };
  for (const [key, value] of Object.entries(rest)) if (value !== undefined && value !== null) record[key] = value;
  return record as unknown as ActivityRecord;
}

export class MongoActivityRepository implements ActivityRepository {
  private readonly model: Model<ActivityDocument>;

  /** Entries appended at the same moment (the opinions filed together) are inserted together. */
  private readonly inserts: BatchedInserts<ActivityDocument>;

  constructor(connection: Connection) {
    this.model = activityModel(connection);
    this.inserts = new BatchedInserts(this.model);
  }

  async append(entry: NewActivity, now: Date): Promise<boolean> {
    try {
      await this.inserts.insert({ ...entry, createdAt: now });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
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
