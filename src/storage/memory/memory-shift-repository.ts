import {
  byDateAndSlot,
  OPEN_SHIFT_STATES,
  type NewShift,
  type ShiftHistoryEntry,
  type ShiftRecord,
  type ShiftRepository,
  type ShiftState,
} from '../../services/roster/shift-records.js';
import { copyOf, definedOnly, duplicateKeyError, isRecordId, newRecordId } from './memory-records.js';

/** Duty shifts held in this process; same contract as the Mongo repository (one member per slot per day). */
export class MemoryShiftRepository implements ShiftRepository {
  private readonly shifts = new Map<string, ShiftRecord>();

  async listRange(from: string, to: string): Promise<ShiftRecord[]> {
    return this.sorted((s) => s.date >= from && s.date <= to);
  }

  async findById(id: string): Promise<ShiftRecord | null> {
    const found = isRecordId(id) ? this.shifts.get(id) : undefined;
    return found ? copyOf(found) : null;
  }

  async listForMember(memberId: string, fromDate: string, limit: number): Promise<ShiftRecord[]> {
    return this.sorted((s) => s.memberId === memberId && s.date >= fromDate).slice(0, limit);
  }

  async latestBefore(date: string): Promise<ShiftRecord | null> {
    return this.sorted((s) => s.date < date).at(-1) ?? null;
  }

  async listOpenUntil(date: string): Promise<ShiftRecord[]> {
    return this.sorted((s) => s.date <= date && OPEN_SHIFT_STATES.includes(s.state));
  }

  /** Like the Mongo ordered insert: shifts before a duplicate slot are kept, the rest are not tried. */
  async replaceInRange(from: string, to: string, states: readonly ShiftState[], shifts: NewShift[]): Promise<ShiftRecord[]> {
    for (const [id, shift] of this.shifts) {
      if (shift.date >= from && shift.date <= to && states.includes(shift.state)) this.shifts.delete(id);
    }
    const created: ShiftRecord[] = [];
    for (const shift of shifts) {
      const taken = [...this.shifts.values()].some((s) => s.date === shift.date && s.slot === shift.slot);
      if (taken) throw duplicateKeyError('shifts', 'date_1_slot', `${shift.date} ${shift.slot}`);
      const now = new Date();
      const record: ShiftRecord = { ...copyOf(shift), id: newRecordId(), state: 'planned', history: [], createdAt: now, updatedAt: now };
      this.shifts.set(record.id, record);
      created.push(copyOf(record));
    }
    return created;
  }

  async transition(
    id: string,
    from: readonly ShiftState[],
    to: ShiftState,
    extra: { servedAt?: Date; missedAt?: Date } = {},
  ): Promise<ShiftRecord | null> {
    const shift = isRecordId(id) ? this.shifts.get(id) : undefined;
    if (!shift || !from.includes(shift.state)) return null;
    Object.assign(shift, copyOf(definedOnly(extra)), { state: to, updatedAt: new Date() });
    return copyOf(shift);
  }

  async reassign(
    id: string,
    change: { expectedMemberId?: string; toMemberId: string; state: ShiftState; entry: ShiftHistoryEntry },
  ): Promise<ShiftRecord | null> {
    const shift = isRecordId(id) ? this.shifts.get(id) : undefined;
    if (!shift || !OPEN_SHIFT_STATES.includes(shift.state)) return null;
    if (change.expectedMemberId && shift.memberId !== change.expectedMemberId) return null;
    shift.memberId = change.toMemberId;
    shift.state = change.state;
    shift.history.push(copyOf(definedOnly(change.entry)) as ShiftHistoryEntry);
    shift.updatedAt = new Date();
    return copyOf(shift);
  }

  private sorted(keep: (shift: ShiftRecord) => boolean): ShiftRecord[] {
    return [...this.shifts.values()].filter(keep).sort(byDateAndSlot).map(copyOf);
  }
}
