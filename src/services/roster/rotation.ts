import { eachDate, isWeekend } from '../../core/dates.js';
import type { ShiftSlot } from './shift-records.js';
import type { NewShift, ShiftRecord } from './shift-records.js';

/** What staff ask for when they generate a rotation (already validated). */
export interface RotationRequest {
  from: string;
  to: string;
  /** Members in the order they take turns. */
  memberIds: string[];
  /** Days off, weekdays included (e.g. the National Day week). */
  holidays: string[];
  /** 调休: weekend days that are working days. */
  workdays: string[];
  slots: ShiftSlot[];
  place: string;
}

/** The days the service centre is open: weekdays that are not holidays, plus listed 调休 days. */
export function workingDays(from: string, to: string, holidays: readonly string[], workdays: readonly string[]): string[] {
  const off = new Set(holidays);
  const on = new Set(workdays);
  return eachDate(from, to).filter((date) => on.has(date) || (!isWeekend(date) && !off.has(date)));
}

/**
 * Assigns members in turn to every open slot of every working day. Slots already taken by shifts
 * that are kept (served or missed) stay as they are, and the turn moves on after the member who
 * held them, so the order never restarts in the middle. `previousMemberId` (the last shift before
 * `from`) makes a new period carry on from where the last one stopped.
 */
export function planRotation(request: RotationRequest, kept: readonly ShiftRecord[], previousMemberId?: string): NewShift[] {
  const { memberIds } = request;
  const keptOn = (date: string, slot: ShiftSlot) => kept.find((shift) => shift.date === date && slotsOverlap(shift.slot, slot));
  const afterPrevious = previousMemberId ? memberIds.indexOf(previousMemberId) + 1 : 0;
  let turn = afterPrevious;
  const planned: NewShift[] = [];
  for (const date of workingDays(request.from, request.to, request.holidays, request.workdays)) {
    for (const slot of request.slots) {
      const existing = keptOn(date, slot);
      if (existing) {
        const index = memberIds.indexOf(existing.memberId);
        if (index >= 0) turn = index + 1;
        continue;
      }
      planned.push({ date, slot, memberId: memberIds[turn % memberIds.length]!, place: request.place });
      turn += 1;
    }
  }
  return planned;
}

/** 全天 covers both halves of the day. */
export function slotsOverlap(a: ShiftSlot, b: ShiftSlot): boolean {
  return a === b || a === '全天' || b === '全天';
}
