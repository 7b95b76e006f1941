import { addDays, beijingDate, beijingInstant, eachDate, isWeekend, type TimeOfDay } from './dates.js';

/**
 * The one working calendar: which Beijing dates are 工作日, and working time between instants.
 *
 * A date's standing is decided by the first rule that knows it: the office's own adjustments
 * (a day off it adds, or a day it works that would otherwise be off), then the official calendar
 * (法定节假日 and 调休 working days, from the State Council's yearly notice), then the week
 * (Monday to Friday work). Pure: the official data and the office's adjustments are passed in.
 */

/** Why a date works or not, most specific rule first. */
export type DayReason = 'office-holiday' | 'office-workday' | 'official-holiday' | 'official-workday' | 'weekend' | 'weekday';

export interface CalendarDay {
  date: string;
  working: boolean;
  reason: DayReason;
  /** The holiday's or the adjustment's name (`国庆节`, `区政协机关调休`) when there is one. */
  name?: string;
}

/** The State Council's calendar: holidays and 调休 working days by date, and the years it covers. */
export interface OfficialCalendar {
  holidays: ReadonlyMap<string, string>;
  workdays: ReadonlyMap<string, string>;
  years: ReadonlySet<number>;
}

/** One date the office sets itself: a day off (`working: false`) or a day at work (`working: true`). */
export interface DayAdjustment {
  date: string;
  working: boolean;
  name?: string;
}

/** Office hours of a working day, Beijing time: a deadline ends at `close`. */
export interface OfficeHours {
  open: TimeOfDay;
  close: TimeOfDay;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = { open: { hour: 8, minute: 30 }, close: { hour: 17, minute: 30 } };

/** An empty official calendar (tests, or a year nobody knows yet). */
export const NO_OFFICIAL_CALENDAR: OfficialCalendar = { holidays: new Map(), workdays: new Map(), years: new Set() };

/** More than any run of days off in China (the longest, 春节 with weekends, is 9). */
const MAX_DAYS_OFF_IN_A_ROW = 60;

const minutes = (t: TimeOfDay) => t.hour * 60 + t.minute;

/**
 * @example
 * const calendar = new WorkingCalendar(officialCalendar(), [{ date: '2026-12-31', working: false, name: '机关调休' }]);
 * calendar.addWorkingDays('2026-09-24', 3); // '2026-09-30' (中秋 and the weekend are off)
 * calendar.deadline(new Date('2026-09-24T02:00:00Z'), 3, DEFAULT_OFFICE_HOURS); // 2026-09-30 17:30 Beijing
 */
export class WorkingCalendar {
  private readonly adjustments: ReadonlyMap<string, DayAdjustment>;

  constructor(
    private readonly official: OfficialCalendar,
    adjustments: readonly DayAdjustment[] = [],
  ) {
    this.adjustments = new Map(adjustments.map((a) => [a.date, a]));
  }

  /** A calendar with more adjustments on top (they win over this one's, e.g. days typed for one roster). */
  with(adjustments: readonly DayAdjustment[]): WorkingCalendar {
    return new WorkingCalendar(this.official, [...this.adjustments.values(), ...adjustments]);
  }

  /** How the date stands, and why. */
  day(date: string): CalendarDay {
    const own = this.adjustments.get(date);
    if (own) return named({ date, working: own.working, reason: own.working ? 'office-workday' : 'office-holiday' }, own.name);
    const holiday = this.official.holidays.get(date);
    if (holiday !== undefined) return named({ date, working: false, reason: 'official-holiday' }, holiday);
    const workday = this.official.workdays.get(date);
    if (workday !== undefined) return named({ date, working: true, reason: 'official-workday' }, workday);
    return isWeekend(date) ? { date, working: false, reason: 'weekend' } : { date, working: true, reason: 'weekday' };
  }

  isWorkingDay(date: string): boolean {
    return this.day(date).working;
  }

  /** The working days from `from` to `to`, inclusive. */
  workingDaysIn(from: string, to: string): string[] {
    return eachDate(from, to).filter((date) => this.isWorkingDay(date));
  }

  /** Every day from `from` to `to` that is not an ordinary weekday or weekend: holidays and 调休 days. */
  specialDaysIn(from: string, to: string): CalendarDay[] {
    return eachDate(from, to)
      .map((date) => this.day(date))
      .filter((day) => day.reason !== 'weekday' && day.reason !== 'weekend');
  }

  /**
   * The `days`-th working day after `date` (the date itself is never counted, as 时限 are counted
   * from the day after acceptance). With 0, the date itself if it works, else the next working day.
   */
  addWorkingDays(date: string, days: number): string {
    let current = date;
    if (days <= 0) return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
    for (let left = days; left > 0; left -= 1) current = this.nextWorkingDay(current);
    return current;
  }

  /** The first working day after `date`. */
  nextWorkingDay(date: string): string {
    let current = addDays(date, 1);
    for (let tries = 1; !this.isWorkingDay(current); tries += 1) {
      if (tries >= MAX_DAYS_OFF_IN_A_ROW) throw new RangeError(`no working day within ${MAX_DAYS_OFF_IN_A_ROW} days after ${date}`);
      current = addDays(current, 1);
    }
    return current;
  }

  /** When a time limit of `days` working days, counted from `start`, ends: the close of its last working day. */
  deadline(start: Date, days: number, hours: OfficeHours): Date {
    return beijingInstant(this.addWorkingDays(beijingDate(start), days), hours.close.hour, hours.close.minute);
  }

  /** Office time (ms) between two instants: only the hours `open`–`close` of working days count. */
  workingMsBetween(from: Date, to: Date, hours: OfficeHours): number {
    if (to <= from) return 0;
    let total = 0;
    for (const date of eachDate(beijingDate(from), beijingDate(to))) {
      if (!this.isWorkingDay(date)) continue;
      const open = beijingInstant(date, hours.open.hour, hours.open.minute).getTime();
      const close = beijingInstant(date, hours.close.hour, hours.close.minute).getTime();
      total += Math.max(0, Math.min(close, to.getTime()) - Math.max(open, from.getTime()));
    }
    return total;
  }

  /**
   * Percent of a time limit used at `now`, in office time (nights, weekends and holidays do not
   * count): 0 at `start`, 100 at `deadline`, more once it is past. 0 when the limit holds no office time.
   */
  percentUsed(start: Date, deadline: Date, now: Date, hours: OfficeHours): number {
    const limit = this.workingMsBetween(start, deadline, hours);
    if (limit <= 0) return 0;
    return (this.workingMsBetween(start, now, hours) / limit) * 100;
  }

  /** True when the official calendar covers the year, or the office has set days off in it itself. */
  knowsYear(year: number): boolean {
    if (this.official.years.has(year)) return true;
    return [...this.adjustments.values()].some((a) => !a.working && a.date.startsWith(`${year}-`));
  }
}

function named(day: CalendarDay, name: string | undefined): CalendarDay {
  return name ? { ...day, name } : day;
}

/** True when office hours are a real span (opening before closing). */
export function isOfficeHours(hours: OfficeHours): boolean {
  return minutes(hours.open) < minutes(hours.close);
}
