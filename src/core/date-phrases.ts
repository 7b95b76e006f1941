import { addDays, beijingDate, isIsoDate, NUM, readSmallNumber, startOfWeek, type DateRange } from './dates.js';

/**
 * The one reader of the date phrases people type in chat (`下周三`, `这周六`, `下下周一`,
 * `12月10日`, `明天下午`, `2026-03-05`, `本月` …), used by every command that takes a date.
 * Everything is a Beijing date; weeks start on Monday.
 */

/** A part of the day said with a date: 上午 / 下午 / 晚上. */
export type DayPart = 'morning' | 'afternoon' | 'evening';

/** What a date phrase names: a range of Beijing dates, and what else was said with it. */
export interface DatePhrase extends DateRange {
  /** 上午/下午/晚上 said with a single day (`明天下午`, `周六上午`). */
  part?: DayPart;
  /**
   * Set when no year was written (`12月10日`, `5号`): the year taken, that of the next occurrence
   * on or after the reference day, so an answer can say which year it took.
   */
  inferredYear?: number;
}

export interface DatePhraseOptions {
  /**
   * A month and day without a year (and a bare `5号`) is the first such day on or after this
   * Beijing date. Default: today. (排班 reads its holidays from the first day of its period.)
   */
  notBefore?: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A real date, or null (month 0, 2月30日, and years outside 1900–2999 are not). */
function validDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2999) return null;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return isIsoDate(date) ? date : null;
}

function monthRange(year: number, month: number): DateRange {
  const first = `${pad(year, 4)}-${pad(month)}-01`;
  const next = month === 12 ? `${pad(year + 1, 4)}-01-01` : `${pad(year, 4)}-${pad(month + 1)}-01`;
  return { from: first, to: addDays(next, -1), kind: 'month' };
}

const day = (date: string): DateRange => ({ from: date, to: date, kind: 'day' });
const week = (monday: string): DateRange => ({ from: monday, to: addDays(monday, 6), kind: 'week' });

const WEEKDAY_NAMES: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
const WEEK_WORD = '(?:周|星期|礼拜)';
/** 本/这/这个/今 (this), 下/下个 (next), 下下 (the one after), 上/上个, 上上. */
const WEEK_PREFIX = '(本|这个?|今|下下个?|下个?|上上个?|上个?)';

/** How many weeks (or months) away a prefix points: 下下 is +2, 上 is −1, 本/这 is 0. */
function offsetOf(prefix: string | undefined): number {
  if (!prefix) return 0;
  const next = [...prefix].filter((ch) => ch === '下').length;
  const last = [...prefix].filter((ch) => ch === '上').length;
  return next - last;
}

/** Maps, not plain objects: a typed word such as `constructor` must not find Object's own keys. */
const RELATIVE_DAYS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    今天: 0,
    今日: 0,
    今儿: 0,
    今儿个: 0,
    明天: 1,
    明日: 1,
    明儿: 1,
    后天: 2,
    后日: 2,
    大后天: 3,
    昨天: -1,
    昨日: -1,
    前天: -2,
    大前天: -3,
  }),
);

/** Day parts at the end of a phrase, and the shorthands that carry their own day. */
const PART_WORDS: Array<[RegExp, DayPart]> = [
  [/(?:上午|早上|早晨|清晨)$/, 'morning'],
  [/下午$/, 'afternoon'],
  [/(?:晚上|傍晚|夜里|晚间)$/, 'evening'],
];
const SHORTHANDS: ReadonlyMap<string, { days: number; part: DayPart }> = new Map([
  ['今早', { days: 0, part: 'morning' }],
  ['今晚', { days: 0, part: 'evening' }],
  ['明早', { days: 1, part: 'morning' }],
  ['明晚', { days: 1, part: 'evening' }],
]);

/**
 * Reads a date phrase relative to `now`, in Beijing time. Returns null when the text is not a
 * date or names an impossible one.
 *
 * - 今天, 明天, 后天, 大后天, 昨天 …; 今晚, 明早 (a day with its part).
 * - Weekdays: 周六, 星期六, 礼拜六, 周日/周天/星期天/礼拜天, 周1–周7 — this week's (Monday to
 *   Sunday); 这周六, 本周六, 这个周六 the same; 下周六, 下个礼拜六; 下下周一; 上周五, 上上周五.
 * - Weeks and months: 本周, 下周, 下下周, 上周; 本月, 下个月, 上月; 4月, 明年3月, 2026年10月, 2026-11.
 * - Days: 2026-03-05, 2026/3/5, 2026年3月5日, 今年/明年/去年3月5日; without a year — 3月5日,
 *   三月五号, 3.5, 12/31 — the next such day on or after today (2月29日 the next leap day); 5号 the
 *   next 5th.
 * - A part of a single day after it: 明天下午, 周六上午, 12月10日晚上; alone (`下午`) it is today's.
 *
 * @example
 * readDatePhrase('下周三', new Date('2026-03-04T02:00:00Z')); // { from: '2026-03-11', to: '2026-03-11', kind: 'day' }
 * readDatePhrase('12月10日下午', new Date('2026-12-20T02:00:00Z')); // 2027-12-10, part 'afternoon', inferredYear 2027
 */
export function readDatePhrase(text: string, now: Date, options: DatePhraseOptions = {}): DatePhrase | null {
  let input = text
    .normalize('NFKC')
    .replace(/\s/g, '')
    .replace(/^(?:在|是|于)/, '')
    .replace(/(?:的时候|那天|这天|当天)$/, '');
  const today = beijingDate(now);
  const shorthand = SHORTHANDS.get(input);
  if (shorthand) return { ...day(addDays(today, shorthand.days)), part: shorthand.part };
  let part: DayPart | undefined;
  for (const [words, name] of PART_WORDS) {
    const match = words.exec(input);
    if (match) {
      part = name;
      input = input.slice(0, match.index);
      break;
    }
  }
  if (part && input === '') return { ...day(today), part };
  const found = readDay(input, today, options.notBefore ?? today);
  if (!found) return null;
  if (part && found.kind !== 'day') return null;
  return part ? { ...found, part } : found;
}

function readDay(input: string, today: string, notBefore: string): DatePhrase | null {
  const [year, month] = today.split('-').map(Number) as [number, number];

  const relative = RELATIVE_DAYS.get(input);
  if (relative !== undefined) return day(addDays(today, relative));

  let m = new RegExp(`^${WEEK_PREFIX}?${WEEK_WORD}([一二三四五六日天1-7])$`).exec(input);
  if (m) {
    const monday = addDays(startOfWeek(today), 7 * offsetOf(m[1]));
    const wd = /\d/.test(m[2]!) ? Number(m[2]) : WEEKDAY_NAMES[m[2]!]!;
    return day(addDays(monday, wd - 1));
  }
  m = new RegExp(`^${WEEK_PREFIX}${WEEK_WORD}$`).exec(input);
  if (m) return week(addDays(startOfWeek(today), 7 * offsetOf(m[1])));

  m = /^(本|这个?|下个?|上个?)月份?$/.exec(input);
  if (m) {
    const index = year * 12 + (month - 1) + offsetOf(m[1]);
    return monthRange(Math.floor(index / 12), (index % 12) + 1);
  }

  m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(input);
  if (m) return nullableDay(validDate(Number(m[1]), Number(m[2]), Number(m[3])));

  m = /^(\d{4})年(\d{1,2})月份?$/.exec(input) ?? /^(\d{4})-(\d{1,2})$/.exec(input);
  if (m) {
    const mm = Number(m[2]);
    return mm >= 1 && mm <= 12 ? monthRange(Number(m[1]), mm) : null;
  }

  m = new RegExp(`^(今年|明年|去年)${NUM}月${NUM}[日号]?$`).exec(input);
  if (m) {
    const y = year + (m[1] === '明年' ? 1 : m[1] === '去年' ? -1 : 0);
    return nullableDay(validDate(y, readSmallNumber(m[2]!) ?? 0, readSmallNumber(m[3]!) ?? 0));
  }

  m = new RegExp(`^${NUM}月${NUM}[日号]?$`).exec(input) ?? /^(\d{1,2})[./](\d{1,2})$/.exec(input);
  if (m) return nextMonthDay(readSmallNumber(m[1]!) ?? 0, readSmallNumber(m[2]!) ?? 0, notBefore);

  m = new RegExp(`^${NUM}[日号]$`).exec(input);
  if (m) return nextDayOfMonth(readSmallNumber(m[1]!) ?? 0, notBefore);

  m = new RegExp(`^(今年|明年|去年)?${NUM}月份?$`).exec(input);
  if (m) {
    const mm = readSmallNumber(m[2]!) ?? 0;
    const y = year + (m[1] === '明年' ? 1 : m[1] === '去年' ? -1 : 0);
    return mm >= 1 && mm <= 12 ? monthRange(y, mm) : null;
  }
  return null;
}

/** A leap day comes back within eight years (2096 → 2104 skips 2100). */
const YEARS_TO_LOOK_AHEAD = 8;

/** The first `month`/`day` on or after `notBefore`, with the year it took. */
function nextMonthDay(month: number, dayOfMonth: number, notBefore: string): DatePhrase | null {
  const startYear = Number(notBefore.slice(0, 4));
  for (let y = startYear; y <= startYear + YEARS_TO_LOOK_AHEAD; y++) {
    const date = validDate(y, month, dayOfMonth);
    if (date && date >= notBefore) return { ...day(date), inferredYear: y };
    // A month or day that no year has (13月, 2月30日) is refused at once.
    if (!date && validDate(2000, month, dayOfMonth) === null) return null;
  }
  return null;
}

/** The first `day`-th of a month on or after `notBefore` (31号 skips the shorter months). */
function nextDayOfMonth(dayOfMonth: number, notBefore: string): DatePhrase | null {
  if (dayOfMonth < 1 || dayOfMonth > 31) return null;
  let year = Number(notBefore.slice(0, 4));
  let month = Number(notBefore.slice(5, 7));
  for (let i = 0; i < 12; i++) {
    const date = validDate(year, month, dayOfMonth);
    if (date && date >= notBefore) return { ...day(date), inferredYear: year };
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return null;
}

function nullableDay(date: string | null): DateRange | null {
  return date ? day(date) : null;
}
