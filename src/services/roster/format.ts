import { weekdayOf } from '../../core/dates.js';
import type { Messages } from '../../i18n/messages.js';
import type { ShiftRecord } from './shift-records.js';
import { slotHoursText } from './slots.js';

/** A shift with the name of the member who holds it, ready to show. */
export interface ShiftView extends ShiftRecord {
  memberName: string;
}

/** `3月5日（周四）` for a Beijing date. */
export function showDate(t: Messages, date: string): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return t.roster.date(month, day, weekdayOf(date));
}

/** `上午 张三（委员服务中心）` */
export function showLine(t: Messages, shift: ShiftView): string {
  return t.roster.line(t.roster.slot(shift.slot), shift.memberName, shift.place);
}

/** `09:00–12:00` */
export function showHours(shift: Pick<ShiftRecord, 'slot'>): string {
  return slotHoursText(shift.slot);
}
