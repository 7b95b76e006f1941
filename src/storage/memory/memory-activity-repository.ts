import type { ActivityKind, ActivityRecord, ActivityRepository, NewActivity } from '../../services/records/activity-records.js';
import { copyOf, definedOnly, newRecordId } from './memory-records.js';

/** The activity ledger (履职台账) held in this process: append-only, one entry per key, as the Mongo one. */
export class MemoryActivityRepository implements ActivityRepository {
  private readonly entries: ActivityRecord[] = [];

  async append(entry: NewActivity, _now: Date): Promise<boolean> {
    if (this.entries.some((e) => e.key === entry.key)) return false;
    const defined = Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== null));
    this.entries.push({ ...copyOf(definedOnly(defined)), id: newRecordId() } as ActivityRecord);
    return true;
  }

  /** Oldest first; entries at the same instant in the order they were appended (as Mongo's `_id`). */
  async listBetween(from: Date, to: Date, filter: { memberId?: string; kinds?: readonly ActivityKind[] } = {}): Promise<ActivityRecord[]> {
    return this.entries
      .filter((e) => e.at >= from && e.at < to)
      .filter((e) => !filter.memberId || e.memberId === filter.memberId)
      .filter((e) => !filter.kinds || filter.kinds.includes(e.kind))
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map(copyOf);
  }
}
