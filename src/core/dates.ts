/**
 * Beijing-time calendar dates, and the times of day people type. (Date phrases — 下周三, 12月10日,
 * 明天下午 — are read by the one reader in `date-phrases.ts`.)
 *
 * Every committee date is an Asia/Shanghai date, whatever the server's clock zone. China has had
 * no daylight saving since 1991, so Beijing time is plain UTC+8: we shift the instant by eight
 * hours and read the UTC fields. Dates travel as `'YYYY-MM-DD'` strings, which sort and compare
 * as text and never carry a zone.
 */

/** Beijing is UTC+8 all year round. */
export const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** An inclusive range of Beijing dates (what a date phrase names; see `date-phrases.ts`). */
export interface DateRange {
  from: string;
  to: string;
  kind: 'day' | 'week' | 'month';
}

/** A wall-clock time of day. */
export interface TimeOfDay {
  hour: number;
  minute: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function fromUtcFields(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function toUtcMs(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

function fromUtcMs(ms: number): string {
  const d = new Date(ms);
  return fromUtcFields(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * The Beijing calendar date of an instant.
 *
 * @example
 * beijingDate(new Date('2026-03-04T16:30:00Z')); // '2026-03-05' (00:30 in Beijing)
 */
export function beijingDate(now: Date): string {
  return fromUtcMs(now.getTime() + BEIJING_OFFSET_MS);
}

/**
 * The Beijing calendar year of an instant (the year opinion and proposal numbers carry).
 *
 * @example
 * beijingYear(new Date('2026-12-31T16:00:00Z')); // 2027 (midnight in Beijing)
 */
export function beijingYear(now: Date): number {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).getUTCFullYear();
}

/**
 * An instant as people read it, to the minute, in Beijing time.
 *
 * @example
 * formatBeijingDateTime(new Date('2026-03-05T06:30:00Z')); // '2026-03-05 14:30'
 */
export function formatBeijingDateTime(date: Date): string {
  return new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The Beijing wall-clock time of an instant.
 *
 * @example
 * beijingTimeOfDay(new Date('2026-03-05T00:00:00Z')); // { hour: 8, minute: 0 }
 */
export function beijingTimeOfDay(now: Date): TimeOfDay {
  const d = new Date(now.getTime() + BEIJING_OFFSET_MS);
  return { hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/**
 * The instant at which a Beijing date shows the given wall-clock time.
 *
 * @example
 * beijingInstant('2026-03-05', 8, 0).toISOString(); // '2026-03-05T00:00:00.000Z'
 */
export function beijingInstant(date: string, hour = 0, minute = 0): Date {
  return new Date(toUtcMs(date) + (hour * 60 + minute) * 60_000 - BEIJING_OFFSET_MS);
}

/**
 * Adds (or subtracts) whole days.
 *
 * @example
 * addDays('2026-12-31', 1); // '2027-01-01'
 */
export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/**
 * ISO weekday: 1 = Monday … 7 = Sunday.
 *
 * @example
 * weekdayOf('2026-03-08'); // 7 (a Sunday)
 */
export function weekdayOf(date: string): number {
  const day = new Date(toUtcMs(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** True for Saturday and Sunday. */
export function isWeekend(date: string): boolean {
  return weekdayOf(date) >= 6;
}

/**
 * The Monday of the date's week (weeks start on Monday).
 *
 * @example
 * startOfWeek('2026-03-08'); // '2026-03-02'
 */
export function startOfWeek(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** True when the text is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  // The round trip pins the end and the ranges; the pattern keeps out five-digit years and signs.
  return /^\d{4}-\d{2}-/.test(text) && fromUtcMs(toUtcMs(text)) === text;
}

/** Every date from `from` to `to`, inclusive. */
export function eachDate(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Reads 0–99 written in Arabic digits or Chinese numerals (五, 十二, 二十五, 三十一, 零五). */
export function readSmallNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  // Minutes are said with a leading zero: 三点零五（分）.
  const zeroUnit = /^[零〇]([一二三四五六七八九])$/.exec(text);
  if (zeroUnit) return DIGITS[zeroUnit[1]!]!;
  const match = /^([一二两三四五六七八九])?(十)?([零〇一二三四五六七八九])?$/.exec(text);
  if (!match) return null;
  const [, tens, ten, units] = match;
  if (!ten) return tens && !units ? DIGITS[tens]! : units && !tens ? DIGITS[units]! : null;
  return (tens ? DIGITS[tens]! : 1) * 10 + (units ? DIGITS[units]! : 0);
}

/** A number of up to two digits, Arabic or Chinese (for dates and times). */
export const NUM = '(\\d{1,2}|[零〇一二两三四五六七八九十]{1,3})';
/**
 * The words for a part of the day, and how each reads an hour on the dial. An hour the part of
 * the day cannot hold (`上午13点`, `中午5点`) is refused, and so is one that falls on the next
 * calendar day (`晚上12点`, `夜里2点`), since the date it was said with would then be wrong.
 * `下午12点` is noon and `凌晨12点` is midnight, as people say them.
 */
const PERIODS: Array<{ words: RegExp; hour: (hour: number) => number | null }> = [
  { words: /^下午/, hour: (h) => (h === 0 ? null : h < 12 ? h + 12 : h) },
  { words: /^(?:晚上|傍晚|夜里|晚间|今晚)/, hour: (h) => (h >= 5 && h <= 11 ? h + 12 : h >= 17 ? h : null) },
  { words: /^凌晨/, hour: (h) => (h === 12 ? 0 : h <= 6 ? h : null) },
  { words: /^(?:上午|早上|早晨|清晨|早)/, hour: (h) => (h <= 12 ? h : null) },
  { words: /^中午/, hour: (h) => (h >= 11 && h <= 14 ? h : h >= 1 && h <= 2 ? h + 12 : null) },
];

/**
 * Reads a time of day: `15:30`, `下午3点`, `上午9点半`, `晚上8点`, `3点15分`, `三点零五`, `中午12点`.
 * Returns null when the text is not a time or names an impossible one (`15:60`, `3点75分`,
 * `晚上3点`).
 *
 * @example
 * parseTimeOfDay('下午3点半'); // { hour: 15, minute: 30 }
 */
export function parseTimeOfDay(text: string): TimeOfDay | null {
  let input = text.normalize('NFKC').replace(/\s/g, '');
  const period = PERIODS.find((p) => p.words.test(input));
  if (period) input = input.replace(period.words, '');
  const m = /^(\d{1,2}):(\d{2})$/.exec(input) ?? new RegExp(`^${NUM}(?:点|时)(?:(半|一刻|三刻)|${NUM}分?|整)?钟?$`).exec(input);
  if (!m) return null;
  // An unreadable number becomes NaN, which fails every range check.
  const hour = readSmallNumber(m[1]!) ?? NaN;
  const minute = m.length === 3 ? Number(m[2]) : m[2] ? QUARTERS[m[2]]! : m[3] !== undefined ? (readSmallNumber(m[3]) ?? NaN) : 0;
  return checkedTime(period ? period.hour(hour) : hour, minute);
}

const QUARTERS: Record<string, number> = { 一刻: 15, 半: 30, 三刻: 45 };

/** Hours and minutes are read from digits only, so they are never negative. */
function checkedTime(hour: number | null, minute: number): TimeOfDay | null {
  return hour !== null && hour <= 23 && minute <= 59 ? { hour, minute } : null;
}
