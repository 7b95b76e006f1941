import { addDays, weekdayOf } from '../../core/dates.js';
import type { CalendarDay } from '../../core/working-calendar.js';
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

/**
 * The holidays and 调休 days a roster applied, one line per run of consecutive days with the same
 * standing: `· 10月1日（周四）至10月7日（周三） 不排班（国庆节·法定节假日）`.
 */
export function showSpecialDays(t: Messages, days: readonly CalendarDay[]): string[] {
  const runs: CalendarDay[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && addDays(last.date, 1) === day.date && last.reason === day.reason && last.name === day.name) run.push(day);
    else runs.push([day]);
  }
  return runs.map((run) => {
    const first = run[0]!;
    const last = run.at(-1)!;
    const dates = run.length === 1 ? showDate(t, first.date) : `${showDate(t, first.date)}至${showDate(t, last.date)}`;
    return t.roster.generate.specialLine(dates, first.working, dayLabel(t, first));
  });
}

/** Why a day is off or on, as people say it: `国庆节·法定节假日`, `调休上班`, `排班时指定`. */
export function dayLabel(t: Messages, day: CalendarDay): string {
  const reason = t.calendar.reasons[day.reason] ?? day.reason;
  const typed = day.name === t.roster.generate.typedDay;
  return day.name && !typed && day.name !== reason ? `${day.name}·${reason}` : (day.name ?? reason);
}

/** `3月4日（周三）值班：\n全天 王五（委员服务中心）`, or that nobody is on duty that day. */
export function showDutyDay(t: Messages, dateLabel: string, shifts: readonly ShiftView[]): string {
  const duty = t.roster.duty;
  return shifts.length
    ? duty.day(
        dateLabel,
        shifts.map((shift) => showLine(t, shift)),
      )
    : duty.noneOnDay(dateLabel);
}
