// The duty roster's own model: slots, states, shifts and swap requests, and the repositories it
// needs. Storage (src/storage/mongo/shift-model.ts) builds its schemas from these.

export const SHIFT_SLOTS = ['上午', '下午', '全天'] as const;
export type ShiftSlot = (typeof SHIFT_SLOTS)[number];

export const SHIFT_STATES = ['planned', 'served', 'swapped', 'missed'] as const;
/** planned → served | missed; `swapped` is a planned shift that changed hands (still to be served). */
export type ShiftState = (typeof SHIFT_STATES)[number];

export interface ShiftHistoryEntry {
  at: Date;
  kind: 'swap' | 'reassign';
  fromMemberId: string;
  toMemberId: string;
  byMemberId?: string;
}

/**
 * One duty shift as the rest of Yishi sees it.
 *
 * @example
 * const open = OPEN_SHIFT_STATES.includes(shift.state);
 */
export interface ShiftRecord {
  id: string;
  /** Beijing date `YYYY-MM-DD`. */
  date: string;
  slot: ShiftSlot;
  memberId: string;
  place: string;
  state: ShiftState;
  servedAt?: Date;
  missedAt?: Date;
  history: ShiftHistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
}

export type NewShift = Pick<ShiftRecord, 'date' | 'slot' | 'memberId' | 'place'>;

const SLOT_ORDER: Record<ShiftSlot, number> = { 全天: 0, 上午: 1, 下午: 2 };

/** The order the roster lists shifts in: by date, and within a day 全天, 上午, 下午. */
export function byDateAndSlot(a: Pick<ShiftRecord, 'date' | 'slot'>, b: Pick<ShiftRecord, 'date' | 'slot'>): number {
  return a.date.localeCompare(b.date) || SLOT_ORDER[a.slot] - SLOT_ORDER[b.slot];
}

/** The states of a shift someone still has to serve. */
export const OPEN_SHIFT_STATES: readonly ShiftState[] = ['planned', 'swapped'];

/**
 * Where duty shifts are kept (implemented in src/storage/mongo/shift-repository.ts). Changes of hands and of state are conditional updates, so two
 * instances (or two people) racing on one shift cannot both win.
 *
 * @example
 * const week = await shifts.listRange('2026-03-02', '2026-03-08');
 * const served = await shifts.transition(id, ['planned', 'swapped'], 'served', { servedAt: now });
 */
export interface ShiftRepository {
  listRange(from: string, to: string): Promise<ShiftRecord[]>;
  findById(id: string): Promise<ShiftRecord | null>;
  /** A member's shifts from `fromDate` on, earliest first. */
  listForMember(memberId: string, fromDate: string, limit: number): Promise<ShiftRecord[]>;
  /** The latest shift dated before `date`, if any. */
  latestBefore(date: string): Promise<ShiftRecord | null>;
  /** Open (planned or swapped) shifts dated on or before `date`. */
  listOpenUntil(date: string): Promise<ShiftRecord[]>;
  /** Deletes the range's shifts whose state is in `states` and inserts `shifts`. */
  replaceInRange(from: string, to: string, states: readonly ShiftState[], shifts: NewShift[]): Promise<ShiftRecord[]>;
  /** Moves a shift to `to` if it is in one of `from`; null when it was not. */
  transition(
    id: string,
    from: readonly ShiftState[],
    to: ShiftState,
    extra?: { servedAt?: Date; missedAt?: Date },
  ): Promise<ShiftRecord | null>;
  /**
   * Hands a shift to another member, if it is still open and (when given) still held by
   * `expectedMemberId`; null otherwise.
   */
  reassign(
    id: string,
    change: { expectedMemberId?: string; toMemberId: string; state: ShiftState; entry: ShiftHistoryEntry },
  ): Promise<ShiftRecord | null>;
}

export const SWAP_STATES = ['pending', 'agreed', 'refused', 'void'] as const;
export type SwapState = (typeof SWAP_STATES)[number];

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
 * Where swap requests are kept (implemented in src/storage/mongo/shift-swap-repository.ts). At most one request per shift is pending (sparse unique index).
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
  /** Every request (any state) for a shift dated `from`..`to`, by date then oldest first; at most `limit`. */
  listRange(from: string, to: string, limit: number): Promise<ShiftSwapRecord[]>;
  /** Closes a pending request; null when it was no longer pending. */
  close(id: string, state: Exclude<SwapState, 'pending'>, at: Date): Promise<ShiftSwapRecord | null>;
}
