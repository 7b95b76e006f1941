import { describe, expect, it } from 'vitest';
import {
  addDays,
  beijingDate,
  beijingInstant,
  beijingTimeOfDay,
  beijingYear,
  formatBeijingDateTime,
  parseDateExpression,
  parseTimeOfDay,
  weekdayOf,
} from '../../../src/core/dates.js';

// Instants are chosen near midnight so that a UTC (or server-local) reading gives the wrong day.
/** Wednesday 2026-03-04, 23:30 in Beijing (15:30 UTC). */
const wednesdayNight = new Date('2026-03-04T15:30:00Z');
/** Thursday 2026-03-05, 00:30 in Beijing — still Wednesday in UTC. */
const thursdayJustAfterMidnight = new Date('2026-03-04T16:30:00Z');
/** Sunday 2026-03-08, 22:00 in Beijing. */
const sundayEvening = new Date('2026-03-08T14:00:00Z');
/** Monday 2026-03-09, 00:30 in Beijing — still Sunday in UTC. */
const mondayJustAfterMidnight = new Date('2026-03-08T16:30:00Z');
/** Thursday 2026-12-31, 23:00 in Beijing. */
const newYearsEve = new Date('2026-12-31T15:00:00Z');
/** Friday 2027-01-01, 00:30 in Beijing — still 2026 in UTC. */
const newYearsMorning = new Date('2026-12-31T16:30:00Z');

const day = (date: string) => ({ from: date, to: date, kind: 'day' });
const week = (from: string, to: string) => ({ from, to, kind: 'week' });
const month = (from: string, to: string) => ({ from, to, kind: 'month' });

describe('Beijing calendar helpers', () => {
  it('reads the Beijing year and writes instants as Beijing wall-clock time', () => {
    expect(beijingYear(newYearsEve)).toBe(2026);
    expect(beijingYear(newYearsMorning)).toBe(2027);
    expect(formatBeijingDateTime(newYearsMorning)).toBe('2027-01-01 00:30');
    expect(formatBeijingDateTime(new Date('2026-03-05T06:30:59Z'))).toBe('2026-03-05 14:30');
  });

  it('reads the Beijing date of an instant, not the UTC or server date', () => {
    expect(beijingDate(wednesdayNight)).toBe('2026-03-04');
    expect(beijingDate(thursdayJustAfterMidnight)).toBe('2026-03-05');
    expect(beijingDate(newYearsMorning)).toBe('2027-01-01');
    expect(beijingTimeOfDay(thursdayJustAfterMidnight)).toEqual({ hour: 0, minute: 30 });
  });

  it('finds the instant of a Beijing wall-clock time', () => {
    expect(beijingInstant('2026-03-05', 8, 0).toISOString()).toBe('2026-03-05T00:00:00.000Z');
    expect(beijingInstant('2027-01-01', 0, 30).toISOString()).toBe('2026-12-31T16:30:00.000Z');
  });

  it('adds days across months and years and names ISO weekdays', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(weekdayOf('2026-03-08')).toBe(7);
    expect(weekdayOf('2026-03-09')).toBe(1);
  });
});

describe('parseDateExpression on a Wednesday night (2026-03-04 23:30 Beijing)', () => {
  const cases: Array<[string, unknown]> = [
    ['今天', day('2026-03-04')],
    ['今日', day('2026-03-04')],
    ['明天', day('2026-03-05')],
    ['明日', day('2026-03-05')],
    ['后天', day('2026-03-06')],
    ['昨天', day('2026-03-03')],
    ['本周', week('2026-03-02', '2026-03-08')],
    ['这周', week('2026-03-02', '2026-03-08')],
    ['下周', week('2026-03-09', '2026-03-15')],
    ['上周', week('2026-02-23', '2026-03-01')],
    ['下个星期', week('2026-03-09', '2026-03-15')],
    ['周三', day('2026-03-04')],
    ['星期五', day('2026-03-06')],
    ['礼拜一', day('2026-03-02')],
    ['周日', day('2026-03-08')],
    ['星期天', day('2026-03-08')],
    ['下周三', day('2026-03-11')],
    ['下星期一', day('2026-03-09')],
    ['上周五', day('2026-02-27')],
    ['本月', month('2026-03-01', '2026-03-31')],
    ['下月', month('2026-04-01', '2026-04-30')],
    ['下个月', month('2026-04-01', '2026-04-30')],
    ['上个月', month('2026-02-01', '2026-02-28')],
    ['3月5日', day('2026-03-05')],
    ['3月5号', day('2026-03-05')],
    ['三月五日', day('2026-03-05')],
    ['十二月三十一日', day('2026-12-31')],
    ['3.5', day('2026-03-05')],
    ['2026-03-05', day('2026-03-05')],
    ['2026/3/5', day('2026-03-05')],
    ['2026年3月5日', day('2026-03-05')],
    ['２０２６－０３－０５', day('2026-03-05')],
    ['5号', day('2026-03-05')],
    ['二十号', day('2026-03-20')],
    ['4月', month('2026-04-01', '2026-04-30')],
    ['明年1月8日', day('2027-01-08')],
    [' 明天 ', day('2026-03-05')],
  ];
  for (const [text, expected] of cases) {
    it(`reads 「${text}」`, () => {
      expect(parseDateExpression(text, wednesdayNight)).toEqual(expected);
    });
  }
});

describe('parseDateExpression across day, week and year boundaries', () => {
  it('counts from the Beijing date half an hour after Beijing midnight', () => {
    expect(parseDateExpression('今天', thursdayJustAfterMidnight)).toEqual(day('2026-03-05'));
    expect(parseDateExpression('明天', thursdayJustAfterMidnight)).toEqual(day('2026-03-06'));
  });

  it('on a Sunday, 本周 ends today and 下周 starts tomorrow (weeks start on Monday)', () => {
    expect(parseDateExpression('本周', sundayEvening)).toEqual(week('2026-03-02', '2026-03-08'));
    expect(parseDateExpression('下周', sundayEvening)).toEqual(week('2026-03-09', '2026-03-15'));
    expect(parseDateExpression('明天', sundayEvening)).toEqual(day('2026-03-09'));
    expect(parseDateExpression('周三', sundayEvening)).toEqual(day('2026-03-04'));
    expect(parseDateExpression('下周三', sundayEvening)).toEqual(day('2026-03-11'));
  });

  it('just after midnight Sunday→Monday (still Sunday in UTC), 本周 is the new week', () => {
    expect(parseDateExpression('本周', mondayJustAfterMidnight)).toEqual(week('2026-03-09', '2026-03-15'));
    expect(parseDateExpression('上周', mondayJustAfterMidnight)).toEqual(week('2026-03-02', '2026-03-08'));
  });

  it('on 31 December, 明天 is next year and 下周 crosses the new year', () => {
    expect(parseDateExpression('明天', newYearsEve)).toEqual(day('2027-01-01'));
    expect(parseDateExpression('后天', newYearsEve)).toEqual(day('2027-01-02'));
    expect(parseDateExpression('本周', newYearsEve)).toEqual(week('2026-12-28', '2027-01-03'));
    expect(parseDateExpression('下周', newYearsEve)).toEqual(week('2027-01-04', '2027-01-10'));
    expect(parseDateExpression('周日', newYearsEve)).toEqual(day('2027-01-03'));
    expect(parseDateExpression('下月', newYearsEve)).toEqual(month('2027-01-01', '2027-01-31'));
    expect(parseDateExpression('12月31日', newYearsEve)).toEqual(day('2026-12-31'));
  });

  it('half an hour into the new year (still 2026 in UTC), 今天 is 1 January and 昨天 is 31 December', () => {
    expect(parseDateExpression('今天', newYearsMorning)).toEqual(day('2027-01-01'));
    expect(parseDateExpression('昨天', newYearsMorning)).toEqual(day('2026-12-31'));
    expect(parseDateExpression('上月', newYearsMorning)).toEqual(month('2026-12-01', '2026-12-31'));
    expect(parseDateExpression('5号', newYearsMorning)).toEqual(day('2027-01-05'));
  });

  it('knows leap years', () => {
    expect(parseDateExpression('2028-02-29', wednesdayNight)).toEqual(day('2028-02-29'));
    expect(parseDateExpression('2月', new Date('2028-02-10T04:00:00Z'))).toEqual(month('2028-02-01', '2028-02-29'));
    expect(parseDateExpression('2月29日', wednesdayNight)).toBeNull();
  });

  it('returns null for text that is not a date or names an impossible one', () => {
    for (const text of ['', '随便', '13月1日', '2026-02-30', '32号', '周八', '下下下周', '2026-13-01', '0号']) {
      expect(parseDateExpression(text, wednesdayNight), text).toBeNull();
    }
  });
});

describe('parseTimeOfDay', () => {
  const cases: Array<[string, { hour: number; minute: number } | null]> = [
    ['15:30', { hour: 15, minute: 30 }],
    ['15：30', { hour: 15, minute: 30 }],
    ['8:05', { hour: 8, minute: 5 }],
    ['下午3点', { hour: 15, minute: 0 }],
    ['上午9点半', { hour: 9, minute: 30 }],
    ['晚上8点', { hour: 20, minute: 0 }],
    ['下午三点一刻', { hour: 15, minute: 15 }],
    ['3点15分', { hour: 3, minute: 15 }],
    ['中午12点', { hour: 12, minute: 0 }],
    ['中午1点', { hour: 13, minute: 0 }],
    ['下午2:30', { hour: 14, minute: 30 }],
    ['十点整', { hour: 10, minute: 0 }],
    ['25:00', null],
    ['下午', null],
    ['三点钟以后', null],
  ];
  for (const [text, expected] of cases) {
    it(`reads 「${text}」`, () => {
      expect(parseTimeOfDay(text)).toEqual(expected);
    });
  }
});
