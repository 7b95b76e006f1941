import type { CalendarDay, WorkingCalendar } from '../../core/working-calendar.js';
import type { ShiftSlot } from './shift-records.js';
import type { NewShift, ShiftRecord } from './shift-records.js';

/** What staff ask for when they generate a rotation (already validated). */
export interface RotationRequest {
  from: string;
  to: string;
  /** Members in the order they take turns. */
  memberIds: string[];
  /** Days off typed for this roster, on top of the working calendar (法定节假日 are off already). */
  holidays: string[];
  /** Days at work typed for this roster, on top of the working calendar (调休 days are on already). */
  workdays: string[];
  slots: ShiftSlot[];
  place: string;
}

/** The calendar of one roster: the working calendar with the days typed for it on top (they win). */
export function rosterCalendar(
  calendar: WorkingCalendar,
  request: Pick<RotationRequest, 'holidays' | 'workdays'>,
  typedName: string,
): WorkingCalendar {
  return calendar.with([
    ...request.holidays.map((date) => ({ date, working: false, name: typedName })),
    ...request.workdays.map((date) => ({ date, working: true, name: typedName })),
  ]);
}

/** The days the service centre is open in the period. */
export function workingDays(calendar: WorkingCalendar, from: string, to: string): string[] {
  return calendar.workingDaysIn(from, to);
}

/** The holidays and 调休 days the roster applied, for the preview and the answer. */
export function appliedDays(calendar: WorkingCalendar, from: string, to: string): CalendarDay[] {
  return calendar.specialDaysIn(from, to);
}

/**
 * Assigns members in turn to every open slot of every working day. Slots already taken by shifts
 * that are kept (served or missed) stay as they are, and the turn moves on after the member who
 * held them, so the order never restarts in the middle. `previousMemberId` (the last shift before
 * `from`) makes a new period carry on from where the last one stopped.
 */
export function planRotation(
  request: RotationRequest,
  calendar: WorkingCalendar,
  kept: readonly ShiftRecord[],
  previousMemberId?: string,
): NewShift[] {
  const { memberIds } = request;
  const keptOn = (date: string, slot: ShiftSlot) => kept.find((shift) => shift.date === date && slotsOverlap(shift.slot, slot));
  const afterPrevious = previousMemberId ? memberIds.indexOf(previousMemberId) + 1 : 0;
  let turn = afterPrevious;
  const planned: NewShift[] = [];
  for (const date of workingDays(calendar, request.from, request.to)) {
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
