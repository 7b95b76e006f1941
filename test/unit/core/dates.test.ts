import { describe, expect, it } from 'vitest';
import {
  addDays,
  beijingDate,
  beijingInstant,
  beijingTimeOfDay,
  daysBetween,
  eachDate,
  isIsoDate,
  isWeekend,
  beijingYear,
  formatBeijingDateTime,
  parseTimeOfDay,
  readSmallNumber,
  startOfWeek,
  weekdayOf,
} from '../../../src/core/dates.js';
import { readDatePhrase } from '../../../src/core/date-phrases.js';

/** The range a phrase names (its part and inferred year are tested in date-phrases.test.ts). */
function parseDateExpression(text: string, now: Date) {
  const phrase = readDatePhrase(text, now);
  return phrase ? { from: phrase.from, to: phrase.to, kind: phrase.kind } : null;
}

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
    expect(weekdayOf('2026-03-14')).toBe(6);
  });

  it('knows weekends, Mondays and the days between two dates', () => {
    expect(['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09'].map(isWeekend)).toEqual([false, true, true, false]);
    expect(startOfWeek('2026-03-08')).toBe('2026-03-02');
    expect(startOfWeek('2026-03-09')).toBe('2026-03-09');
    expect(startOfWeek('2027-01-01')).toBe('2026-12-28');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-03-09', '2026-03-08')).toBe(-1);
    expect(eachDate('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(eachDate('2026-03-02', '2026-03-02')).toEqual(['2026-03-02']);
    expect(eachDate('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    for (const text of ['2026-03-05', '2028-02-29', '2026-12-31']) expect(isIsoDate(text), text).toBe(true);
    for (const text of [
      '2026-02-29',
      '2026-13-01',
      '2026-3-5',
      '2026-03-05T00:00',
      ' 2026-03-05',
      '20260305',
      '2026/03/05',
      '12026-03-05',
      '2026-03-051',
    ])
      expect(isIsoDate(text), text).toBe(false);
  });
});

describe('readSmallNumber', () => {
  const cases: Array<[string, number | null]> = [
    ['5', 5],
    ['05', 5],
    ['31', 31],
    ['五', 5],
    ['两', 2],
    ['〇', 0],
    ['十', 10],
    ['十二', 12],
    ['一十', 10],
    ['二十', 20],
    ['二十五', 25],
    ['三十一', 31],
    ['零五', 5],
    ['〇九', 9],
    ['', null],
    ['123', null],
    ['十十', null],
    ['五五', null],
    ['零十', null],
    ['零', 0],
    ['三x', null],
    ['十零五', null],
    ['零五五', null],
  ];
  for (const [text, expected] of cases) {
    it(`reads 「${text}」 as ${expected}`, () => expect(readSmallNumber(text)).toBe(expected));
  }
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
    ['昨日', day('2026-03-03')],
    ['前天', day('2026-03-02')],
    ['大前天', day('2026-03-01')],
    ['大后天', day('2026-03-07')],
    ['明年3月', month('2027-03-01', '2027-03-31')],
    ['去年12月', month('2025-12-01', '2025-12-31')],
    ['今年5月份', month('2026-05-01', '2026-05-31')],
    ['十二月', month('2026-12-01', '2026-12-31')],
    ['去年12月31日', day('2025-12-31')],
    ['今年3月5日', day('2026-03-05')],
    ['2027年2月', month('2027-02-01', '2027-02-28')],
    ['2026-11', month('2026-11-01', '2026-11-30')],
    ['2026年1月', month('2026-01-01', '2026-01-31')],
    ['2026年12月', month('2026-12-01', '2026-12-31')],
    ['1月', month('2026-01-01', '2026-01-31')],
    ['一月五日', day('2027-01-05')], // no year: the next 5 January
    ['1900-01-01', day('1900-01-01')],
    ['2999-12-31', day('2999-12-31')],
    ['2026.3.5', day('2026-03-05')],
    ['2026年3月5号', day('2026-03-05')],
    ['12/31', day('2026-12-31')],
    ['周7', day('2026-03-08')],
    ['周1', day('2026-03-02')],
    ['这个星期', week('2026-03-02', '2026-03-08')],
    ['上个礼拜', week('2026-02-23', '2026-03-01')],
    ['下个周五', day('2026-03-13')],
    ['这个月', month('2026-03-01', '2026-03-31')],
    ['上月份', month('2026-02-01', '2026-02-28')],
    ['在明天', day('2026-03-05')],
    ['是周五', day('2026-03-06')],
    ['明天那天', day('2026-03-05')],
    ['周五的时候', day('2026-03-06')],
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
    expect(parseDateExpression('2月29日', wednesdayNight)).toEqual(day('2028-02-29')); // the next leap day
  });

  it('returns null for text that is not a date or names an impossible one', () => {
    const refused = [
      '',
      ' ',
      '随便',
      '13月1日',
      '2026-02-30',
      '32号',
      '周八',
      '下下下周',
      '2026-13-01',
      '0号',
      '13月',
      '十三月',
      '0月',
      '2026年13月',
    ];
    refused.push('2026-0', '3月0日', '3.32', '明年2月29日', '1899-01-01', '3000-01-01', '周', '下周八', '在', '三十二号');
    // Numbers that do not read (十十), and words only dropped where they stand at the start or end.
    refused.push(
      '十十月',
      '十十号',
      '三月十十日',
      '十十月五日',
      '明在天',
      '明那天天',
      '12026-03-05',
      '2026-03-051',
      '2026年3月底',
      '12026年3月',
    );
    refused.push('12026-3', '2026-3x', '2026年0月', '2026-13');
    for (const text of refused) {
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
    ['0:00', { hour: 0, minute: 0 }],
    ['23:59', { hour: 23, minute: 59 }],
    ['24:00', null],
    ['15:60', null],
    ['15:5', null],
    ['3点75分', null],
    ['3点60分', null],
    ['3点59分', { hour: 3, minute: 59 }],
    ['二十四点', null],
    ['二十三点', { hour: 23, minute: 0 }],
    ['3点三刻', { hour: 3, minute: 45 }],
    ['3点一刻钟', { hour: 3, minute: 15 }],
    ['三点零五', { hour: 3, minute: 5 }],
    ['三点零五分', { hour: 3, minute: 5 }],
    ['3点05', { hour: 3, minute: 5 }],
    ['三点二十分', { hour: 3, minute: 20 }],
    ['9时', { hour: 9, minute: 0 }],
    ['三点钟', { hour: 3, minute: 0 }],
    [' 下午 3点 ', { hour: 15, minute: 0 }],
    ['下午1点', { hour: 13, minute: 0 }],
    ['下午11点', { hour: 23, minute: 0 }],
    // 下午12点 is the noon that starts the afternoon; 下午0点 names no hour.
    ['下午12点', { hour: 12, minute: 0 }],
    ['下午12点半', { hour: 12, minute: 30 }],
    ['下午13点', { hour: 13, minute: 0 }],
    ['下午0点', null],
    ['下午15:60', null],
    ['傍晚5点', { hour: 17, minute: 0 }],
    ['今晚7点半', { hour: 19, minute: 30 }],
    ['晚上11点', { hour: 23, minute: 0 }],
    ['晚上20:00', { hour: 20, minute: 0 }],
    ['晚上17点', { hour: 17, minute: 0 }],
    // Midnight and the small hours belong to the next day: refused rather than put on the wrong date.
    ['晚上12点', null],
    ['晚上4点', null],
    ['夜里2点', null],
    ['晚上16点', null],
    ['晚上24点', null],
    ['凌晨12点', { hour: 0, minute: 0 }],
    ['凌晨0点', { hour: 0, minute: 0 }],
    ['凌晨6点', { hour: 6, minute: 0 }],
    ['凌晨7点', null],
    ['早上8点', { hour: 8, minute: 0 }],
    ['早8点', { hour: 8, minute: 0 }],
    ['上午12点', { hour: 12, minute: 0 }],
    ['上午13点', null],
    ['中午11点', { hour: 11, minute: 0 }],
    ['中午2点', { hour: 14, minute: 0 }],
    ['中午14点', { hour: 14, minute: 0 }],
    ['中午12点半', { hour: 12, minute: 30 }],
    ['中午3点', null],
    ['中午10点', null],
    ['中午15点', null],
    ['中午0点', null],
    // Unreadable numbers, and a part of the day anywhere but first.
    ['3点十十分', null],
    ['十十点', null],
    ['115:30', null],
    ['15:305', null],
    ['3点下午', null],
    ['8点晚上', null],
    ['1点凌晨', null],
    ['8点上午', null],
    ['12点中午', null],
  ];
  for (const [text, expected] of cases) {
    it(`reads 「${text}」`, () => {
      expect(parseTimeOfDay(text)).toEqual(expected);
    });
  }
});
