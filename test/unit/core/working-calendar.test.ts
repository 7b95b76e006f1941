import { describe, expect, it } from 'vitest';
import { officialCalendar, officialCalendarFrom } from '../../../src/core/official-calendar.js';
import {
  DEFAULT_OFFICE_HOURS,
  isOfficeHours,
  NO_OFFICIAL_CALENDAR,
  WorkingCalendar,
  type OfficeHours,
} from '../../../src/core/working-calendar.js';

/** `2026-09-30 17:30` Beijing as an instant. */
const bj = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`);
const HOUR = 3_600_000;

/**
 * A hand-made official year (2030): a Friday holiday next to a weekend, a Saturday 调休 working
 * day, and New Year across the year boundary.
 * 2030-05-01 is a Wednesday; 2030-05-03 a Friday; 2030-05-11 a Saturday.
 */
const official = officialCalendarFrom({
  holidays: {
    '2030-05-01': 'Labour Day,劳动节,3',
    '2030-05-02': 'Labour Day,劳动节,3',
    '2030-05-03': 'Labour Day,劳动节,3',
    '2030-12-31': "New Year's Day,元旦,2",
    '2031-01-01': "New Year's Day,元旦,2",
  },
  workdays: { '2030-05-11': 'Labour Day,劳动节,3' },
});
const calendar = new WorkingCalendar(official);
const nineToFive: OfficeHours = { open: { hour: 9, minute: 0 }, close: { hour: 17, minute: 0 } };

describe('which days work', () => {
  it('works Monday to Friday and rests on Saturday and Sunday when nothing else is known', () => {
    const plain = new WorkingCalendar(NO_OFFICIAL_CALENDAR);
    // 2030-04-15 is a Monday.
    expect(['15', '16', '17', '18', '19', '20', '21'].map((d) => plain.isWorkingDay(`2030-04-${d}`))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(plain.day('2030-04-20')).toEqual({ date: '2030-04-20', working: false, reason: 'weekend' });
    expect(plain.day('2030-04-19')).toEqual({ date: '2030-04-19', working: true, reason: 'weekday' });
  });

  it('rests on an official holiday that falls on a weekday and works on a 调休 Saturday, with their names', () => {
    expect(calendar.day('2030-05-01')).toEqual({ date: '2030-05-01', working: false, reason: 'official-holiday', name: '劳动节' });
    expect(calendar.day('2030-05-11')).toEqual({ date: '2030-05-11', working: true, reason: 'official-workday', name: '劳动节' });
    expect(calendar.isWorkingDay('2030-05-12')).toBe(false);
  });

  it('lets the office add a day off and a day at work, over the official calendar and over the week', () => {
    const office = calendar.with([
      { date: '2030-05-06', working: false, name: '机关调休' },
      { date: '2030-05-02', working: true },
      { date: '2030-05-12', working: true, name: '集中办公' },
    ]);
    expect(office.day('2030-05-06')).toEqual({ date: '2030-05-06', working: false, reason: 'office-holiday', name: '机关调休' });
    expect(office.day('2030-05-02')).toEqual({ date: '2030-05-02', working: true, reason: 'office-workday' });
    expect(office.day('2030-05-12')).toEqual({ date: '2030-05-12', working: true, reason: 'office-workday', name: '集中办公' });
    // The base calendar is left as it was.
    expect(calendar.isWorkingDay('2030-05-06')).toBe(true);
    expect(calendar.isWorkingDay('2030-05-02')).toBe(false);
  });

  it('lets later adjustments win over earlier ones for the same date', () => {
    const first = new WorkingCalendar(official, [{ date: '2030-05-06', working: false }]);
    expect(first.with([{ date: '2030-05-06', working: true }]).isWorkingDay('2030-05-06')).toBe(true);
  });

  it('lists the working days and the special days of a range, inclusive at both ends', () => {
    expect(calendar.workingDaysIn('2030-04-30', '2030-05-06')).toEqual(['2030-04-30', '2030-05-06']);
    expect(calendar.specialDaysIn('2030-05-01', '2030-05-11').map((d) => `${d.date}:${d.reason}`)).toEqual([
      '2030-05-01:official-holiday',
      '2030-05-02:official-holiday',
      '2030-05-03:official-holiday',
      '2030-05-11:official-workday',
    ]);
  });
});

describe('adding working days', () => {
  it('never counts the start day and skips a weekend', () => {
    // Wednesday 2030-04-17 + 3 → Thursday, Friday, Monday.
    expect(calendar.addWorkingDays('2030-04-17', 1)).toBe('2030-04-18');
    expect(calendar.addWorkingDays('2030-04-17', 2)).toBe('2030-04-19');
    expect(calendar.addWorkingDays('2030-04-17', 3)).toBe('2030-04-22');
  });

  it('skips holidays and counts a 调休 Saturday', () => {
    // Tuesday 04-30: 05-01..05 off, Monday 05-06 is the first; Friday 05-10 the fifth, Saturday 05-11 the sixth.
    expect(calendar.addWorkingDays('2030-04-30', 1)).toBe('2030-05-06');
    expect(calendar.addWorkingDays('2030-04-30', 5)).toBe('2030-05-10');
    expect(calendar.addWorkingDays('2030-04-30', 6)).toBe('2030-05-11');
    expect(calendar.addWorkingDays('2030-04-30', 7)).toBe('2030-05-13');
  });

  it('starts counting on the next working day when the start is a day off', () => {
    expect(calendar.addWorkingDays('2030-05-01', 1)).toBe('2030-05-06');
    expect(calendar.addWorkingDays('2030-04-20', 1)).toBe('2030-04-22');
  });

  it('crosses a year boundary through New Year', () => {
    // Monday 2030-12-30: 12-31 and 01-01 off, Thursday 2031-01-02 is the first working day.
    expect(calendar.addWorkingDays('2030-12-30', 1)).toBe('2031-01-02');
    expect(calendar.addWorkingDays('2030-12-30', 3)).toBe('2031-01-06');
  });

  it('gives the day itself for 0 days when it works, else the next working day', () => {
    expect(calendar.addWorkingDays('2030-04-17', 0)).toBe('2030-04-17');
    expect(calendar.addWorkingDays('2030-05-01', 0)).toBe('2030-05-06');
  });

  it('refuses a calendar without a working day in sight instead of looping (60 days off in a row)', () => {
    const daysOff = (count: number) =>
      new WorkingCalendar(
        NO_OFFICIAL_CALENDAR,
        Array.from({ length: count }, (_, i) => ({ date: new Date(Date.UTC(2030, 0, 8 + i)).toISOString().slice(0, 10), working: false })),
      );
    expect(daysOff(59).nextWorkingDay('2030-01-07')).toBe('2030-03-08');
    expect(() => daysOff(60).nextWorkingDay('2030-01-07')).toThrow(RangeError);
  });

  it('gives up after exactly 60 days off, even when the 61st day works, and says from which date', () => {
    // Wednesday 2030-01-09, then 60 days off (2030-01-10 … Sunday 2030-03-10); Monday 2030-03-11 works.
    const sixtyOff = new WorkingCalendar(
      NO_OFFICIAL_CALENDAR,
      Array.from({ length: 60 }, (_, i) => ({ date: new Date(Date.UTC(2030, 0, 10 + i)).toISOString().slice(0, 10), working: false })),
    );
    expect(sixtyOff.isWorkingDay('2030-03-11')).toBe(true);
    expect(() => sixtyOff.nextWorkingDay('2030-01-09')).toThrow('no working day within 60 days after 2030-01-09');
  });
});

describe('deadlines end at the close of the working day, Beijing time', () => {
  it('ends a 3-day limit at 17:30 on the third working day, whatever the hour of the start', () => {
    expect(calendar.deadline(bj('2030-04-17 08:00'), 3, DEFAULT_OFFICE_HOURS)).toEqual(bj('2030-04-22 17:30'));
    expect(calendar.deadline(bj('2030-04-17 23:59'), 3, DEFAULT_OFFICE_HOURS)).toEqual(bj('2030-04-22 17:30'));
  });

  it('reads the start day in Beijing time, not UTC (00:30 Thursday in Beijing is Wednesday in UTC)', () => {
    expect(calendar.deadline(bj('2030-04-18 00:30'), 1, DEFAULT_OFFICE_HOURS)).toEqual(bj('2030-04-19 17:30'));
  });

  it('uses the configured close of day', () => {
    expect(calendar.deadline(bj('2030-04-17 10:00'), 1, nineToFive)).toEqual(bj('2030-04-18 17:00'));
  });
});

describe('office time and the share of a limit used', () => {
  it('counts only office hours of working days', () => {
    // Friday 16:00 → Monday 10:00: Friday 16:00–17:00 and Monday 09:00–10:00.
    expect(calendar.workingMsBetween(bj('2030-04-19 16:00'), bj('2030-04-22 10:00'), nineToFive)).toBe(2 * HOUR);
    // Before opening and after closing count nothing.
    expect(calendar.workingMsBetween(bj('2030-04-22 06:00'), bj('2030-04-22 09:00'), nineToFive)).toBe(0);
    expect(calendar.workingMsBetween(bj('2030-04-22 17:00'), bj('2030-04-22 23:00'), nineToFive)).toBe(0);
    // A holiday counts nothing; a 调休 Saturday counts in full.
    expect(calendar.workingMsBetween(bj('2030-05-01 00:00'), bj('2030-05-04 00:00'), nineToFive)).toBe(0);
    expect(calendar.workingMsBetween(bj('2030-05-11 00:00'), bj('2030-05-12 00:00'), nineToFive)).toBe(8 * HOUR);
    expect(calendar.workingMsBetween(bj('2030-04-22 12:00'), bj('2030-04-22 11:00'), nineToFive)).toBe(0);
  });

  it('counts 08:30–17:30 by default: nine hours a working day', () => {
    expect(calendar.workingMsBetween(bj('2030-04-22 00:00'), bj('2030-04-23 00:00'), DEFAULT_OFFICE_HOURS)).toBe(9 * HOUR);
    expect(calendar.workingMsBetween(bj('2030-04-22 08:00'), bj('2030-04-22 09:00'), DEFAULT_OFFICE_HOURS)).toBe(HOUR / 2);
  });

  it('is 0 at the start, 50 halfway in office time, 100 at the deadline and beyond 100 after it', () => {
    // Monday 09:00, 2 days: Tuesday and Wednesday close at 17:00 → 3 office days of 8 h = 24 h.
    const start = bj('2030-04-22 09:00');
    const deadline = calendar.deadline(start, 2, nineToFive);
    expect(deadline).toEqual(bj('2030-04-24 17:00'));
    expect(calendar.percentUsed(start, deadline, start, nineToFive)).toBe(0);
    expect(calendar.percentUsed(start, deadline, bj('2030-04-23 13:00'), nineToFive)).toBe(50);
    expect(calendar.percentUsed(start, deadline, deadline, nineToFive)).toBe(100);
    expect(calendar.percentUsed(start, deadline, bj('2030-04-25 13:00'), nineToFive)).toBe(2800 / 24);
  });

  it('does not move over a weekend', () => {
    const start = bj('2030-04-19 09:00'); // Friday
    const deadline = calendar.deadline(start, 1, nineToFive); // Monday 17:00
    expect(calendar.percentUsed(start, deadline, bj('2030-04-19 17:00'), nineToFive)).toBe(50);
    expect(calendar.percentUsed(start, deadline, bj('2030-04-21 23:00'), nineToFive)).toBe(50);
  });

  it('is 0 when the limit holds no office time', () => {
    expect(calendar.percentUsed(bj('2030-05-01 10:00'), bj('2030-05-02 10:00'), bj('2030-05-03 10:00'), nineToFive)).toBe(0);
  });

  it('knows which office hours are a real span', () => {
    expect(isOfficeHours(nineToFive)).toBe(true);
    expect(isOfficeHours({ open: { hour: 17, minute: 0 }, close: { hour: 17, minute: 0 } })).toBe(false);
    expect(isOfficeHours({ open: { hour: 17, minute: 1 }, close: { hour: 17, minute: 0 } })).toBe(false);
    expect(isOfficeHours({ open: { hour: 16, minute: 59 }, close: { hour: 17, minute: 0 } })).toBe(true);
  });
});

describe('the years it knows', () => {
  it('knows a year the official data names a holiday in, and a year the office set days off in', () => {
    expect(calendar.knowsYear(2030)).toBe(true);
    expect(calendar.knowsYear(2031)).toBe(true);
    expect(calendar.knowsYear(2032)).toBe(false);
    expect(calendar.with([{ date: '2032-01-01', working: true }]).knowsYear(2032)).toBe(false);
    expect(calendar.with([{ date: '2032-01-01', working: false }]).knowsYear(2032)).toBe(true);
    expect(calendar.with([{ date: '2033-01-01', working: false }]).knowsYear(2032)).toBe(false);
  });
});

describe('reading official data', () => {
  it('takes the Chinese name, else the only one given, and knows only the years with a holiday', () => {
    const data = officialCalendarFrom({
      holidays: { '2040-01-01': " New Year's Day , 元旦 ,1", '2040-02-01': 'Only English' },
      workdays: { '2041-01-05': 'Make-up,调休,1' },
    });
    expect(data.holidays.get('2040-01-01')).toBe('元旦');
    expect(data.holidays.get('2040-02-01')).toBe('Only English');
    expect(data.workdays.get('2041-01-05')).toBe('调休');
    expect([...data.years]).toEqual([2040]);
  });
});

describe('the chinese-days data', () => {
  const real = new WorkingCalendar(officialCalendar());

  it('knows 2026: 中秋 on Friday 25 September, 国庆 1–7 October, and the 调休 Sunday 20 September and Saturday 10 October', () => {
    expect(real.day('2026-09-25')).toMatchObject({ working: false, reason: 'official-holiday', name: '中秋' });
    expect(real.day('2026-10-07')).toMatchObject({ working: false, reason: 'official-holiday', name: '国庆节' });
    expect(real.day('2026-09-20')).toMatchObject({ working: true, reason: 'official-workday' });
    expect(real.day('2026-10-10')).toMatchObject({ working: true, reason: 'official-workday' });
    expect(real.knowsYear(2026)).toBe(true);
  });

  it('ends a 简易 (3-day) limit filed on Thursday 24 September 2026 on Wednesday 30 September at 17:30', () => {
    expect(real.deadline(bj('2026-09-24 10:00'), 3, DEFAULT_OFFICE_HOURS)).toEqual(bj('2026-09-30 17:30'));
    // Filed on the last day before 国庆: the 调休 Saturday 10 October is the third working day.
    expect(real.deadline(bj('2026-09-30 10:00'), 3, DEFAULT_OFFICE_HOURS)).toEqual(bj('2026-10-10 17:30'));
  });
});
