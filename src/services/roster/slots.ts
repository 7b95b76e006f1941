import { beijingInstant } from '../../core/dates.js';
import type { ShiftSlot } from './shift-records.js';

/** Opening hours of the service centre per slot, Beijing time. */
export const SLOT_HOURS: Record<ShiftSlot, { start: [number, number]; end: [number, number] }> = {
  全天: { start: [9, 0], end: [17, 30] },
  上午: { start: [9, 0], end: [12, 0] },
  下午: { start: [14, 0], end: [17, 30] },
};

/** Check-in opens this long before a shift starts (people arrive early to open the door). */
export const CHECK_IN_EARLY_MS = 30 * 60_000;

/** When a shift starts and ends, as instants. */
export function shiftWindow(date: string, slot: ShiftSlot): { start: Date; end: Date } {
  const hours = SLOT_HOURS[slot];
  return { start: beijingInstant(date, ...hours.start), end: beijingInstant(date, ...hours.end) };
}

/** `09:00–17:30` for a slot. */
export function slotHoursText(slot: ShiftSlot): string {
  const fmt = ([h, m]: [number, number]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return `${fmt(SLOT_HOURS[slot].start)}–${fmt(SLOT_HOURS[slot].end)}`;
}
