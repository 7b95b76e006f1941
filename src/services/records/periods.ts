import { addDays, beijingDate, beijingInstant, isIsoDate, startOfWeek } from '../../core/dates.js';

/**
 * A reporting period: whole Beijing (Asia/Shanghai) calendar days from `from` to `to`, both
 * included. As instants it is `[start, end)`: from 00:00 Beijing on `from` to 00:00 Beijing on the
 * day after `to`. Every figure of the 履职档案 and 统计 is counted over such a range.
 */
export interface Period {
  kind: 'week' | 'month' | 'quarter' | 'year' | 'range';
  from: string;
  to: string;
  /** Stable key for idempotency and file names: `2026-W48`, `2026-11`, `2026-Q4`, `2026`, `2026-11-01_2026-11-30`. */
  key: string;
}

/** The words people type after 统计 / 我的履职. */
export const PERIOD_WORDS = ['本周', '上周', '本月', '上月', '本季度', '上季度', '今年', '去年'] as const;
export type PeriodWord = (typeof PERIOD_WORDS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function monthPeriod(year: number, month: number): Period {
  return {
    kind: 'month',
    from: `${year}-${pad(month)}-01`,
    to: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`,
    key: `${year}-${pad(month)}`,
  };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  return {
    kind: 'quarter',
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(first + 2)}-${pad(lastDayOfMonth(year, first + 2))}`,
    key: `${year}-Q${quarter}`,
  };
}

export function yearPeriod(year: number): Period {
  return { kind: 'year', from: `${year}-01-01`, to: `${year}-12-31`, key: String(year) };
}

/** The ISO week (Monday to Sunday) holding `date`; its key is ISO-8601's `YYYY-Www`. */
export function weekPeriod(date: string): Period {
  const monday = startOfWeek(date);
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(startOfWeek(`${year}-01-04`), 3);
  const week = Math.round((Date.parse(thursday) - Date.parse(firstThursday)) / (7 * 86_400_000)) + 1;
  return { kind: 'week', from: monday, to: addDays(monday, 6), key: `${year}-W${pad(week)}` };
}

/** The period a word names, seen from `now` (Beijing). */
export function periodOf(word: PeriodWord, now: Date): Period {
  const today = beijingDate(now);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const quarter = Math.floor((month - 1) / 3) + 1;
  switch (word) {
    case '本周':
      return weekPeriod(today);
    case '上周':
      return weekPeriod(addDays(today, -7));
    case '本月':
      return monthPeriod(year, month);
    case '上月':
      return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
    case '本季度':
      return quarterPeriod(year, quarter);
    case '上季度':
      return quarter === 1 ? quarterPeriod(year - 1, 4) : quarterPeriod(year, quarter - 1);
    case '今年':
      return yearPeriod(year);
    case '去年':
      return yearPeriod(year - 1);
  }
}

/**
 * Reads a period as the admin API takes it: a word above, `2026-11`, `2026-Q4`, `2026`,
 * `2026-W48`, or `from`/`to` dates. Null when it names no period (or `to` is before `from`).
 */
export function readPeriod(input: { period?: string; from?: string; to?: string }, now: Date): Period | null {
  const text = input.period?.trim();
  if (text) {
    if ((PERIOD_WORDS as readonly string[]).includes(text)) return periodOf(text as PeriodWord, now);
    let m = /^(\d{4})-(\d{2})$/.exec(text);
    if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return monthPeriod(Number(m[1]), Number(m[2]));
    m = /^(\d{4})-Q([1-4])$/i.exec(text);
    if (m) return quarterPeriod(Number(m[1]), Number(m[2]));
    if (/^\d{4}$/.test(text)) return yearPeriod(Number(text));
    m = /^(\d{4})-W(\d{2})$/i.exec(text);
    if (m) {
      const week = weekPeriod(addDays(weekPeriod(`${m[1]}-01-04`).from, (Number(m[2]) - 1) * 7));
      return week.key === `${m[1]}-W${m[2]}` ? week : null;
    }
    return null;
  }
  if (input.from && input.to && isIsoDate(input.from) && isIsoDate(input.to) && input.from <= input.to) {
    return { kind: 'range', from: input.from, to: input.to, key: `${input.from}_${input.to}` };
  }
  return null;
}

/** The period as instants: `[start, end)`. */
export function instantsOf(period: Period): { start: Date; end: Date } {
  return { start: beijingInstant(period.from), end: beijingInstant(addDays(period.to, 1)) };
}

/** The `count` weeks ending with the one before `date`'s week, oldest first. */
export function weeksBefore(date: string, count: number): Period[] {
  const monday = startOfWeek(date);
  return Array.from({ length: count }, (_, index) => weekPeriod(addDays(monday, -7 * (count - index))));
}

/**
 * The ISO weeks that `period` touches, each cut to the period (a month's first and last weeks are
 * partial), oldest first; at most `max`, the latest ones. Each keeps its week's key (`2026-W48`).
 */
export function weeksWithin(period: Period, max: number): Period[] {
  const weeks: Period[] = [];
  for (let monday = startOfWeek(period.from); monday <= period.to; monday = addDays(monday, 7)) {
    const week = weekPeriod(monday);
    const from = week.from < period.from ? period.from : week.from;
    const to = week.to > period.to ? period.to : week.to;
    weeks.push(from === week.from && to === week.to ? week : { kind: 'range', from, to, key: week.key });
  }
  return weeks.slice(-max);
}
