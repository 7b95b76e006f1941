import type { ShiftSwapRecord, ShiftSwapRepository, SwapState } from '../../services/roster/shift-records.js';
import { copyOf, isRecordId, newRecordId } from './memory-records.js';

/** Swap requests held in this process; same contract as the Mongo repository (one pending request per shift). */
export class MemoryShiftSwapRepository implements ShiftSwapRepository {
  private readonly swaps: ShiftSwapRecord[] = [];

  async open(request: Omit<ShiftSwapRecord, 'id' | 'state' | 'answeredAt'>): Promise<ShiftSwapRecord | null> {
    if (this.swaps.some((s) => s.state === 'pending' && s.shiftId === request.shiftId)) return null;
    const record: ShiftSwapRecord = { ...copyOf(request), id: newRecordId(), state: 'pending' };
    this.swaps.push(record);
    return copyOf(record);
  }

  async listPendingFor(toMemberId: string): Promise<ShiftSwapRecord[]> {
    return this.swaps
      .filter((s) => s.toMemberId === toMemberId && s.state === 'pending')
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map(copyOf);
  }

  async findPendingForShift(shiftId: string): Promise<ShiftSwapRecord | null> {
    const found = this.swaps.find((s) => s.shiftId === shiftId && s.state === 'pending');
    return found ? copyOf(found) : null;
  }

  async listRange(from: string, to: string, limit: number): Promise<ShiftSwapRecord[]> {
    return this.swaps
      .filter((s) => s.date >= from && s.date <= to)
      .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.getTime() - b.createdAt.getTime())
      .slice(0, limit)
      .map(copyOf);
  }

  async close(id: string, state: Exclude<SwapState, 'pending'>, at: Date): Promise<ShiftSwapRecord | null> {
    const swap = isRecordId(id) ? this.swaps.find((s) => s.id === id) : undefined;
    if (!swap || swap.state !== 'pending') return null;
    Object.assign(swap, { state, answeredAt: at });
    return copyOf(swap);
  }
}
