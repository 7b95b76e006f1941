import { createRequire } from 'node:module';
import type { OfficialCalendar } from './working-calendar.js';

/** The shape of `chinese-days/dist/chinese-days.json`: date → `English name,中文名,天数`. */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** `National Day,国庆节,3` → `国庆节` (the English name when no Chinese one is given). */
function chineseName(entry: string): string {
  const [english = '', chinese] = entry.split(',');
  return (chinese ?? english).trim();
}

/**
 * Reads the official data of a `chinese-days`-shaped file: the years it covers are the years in
 * which it names at least one 法定节假日 (a year with none is one the State Council has not announced).
 *
 * @example
 * officialCalendarFrom({ holidays: { '2026-10-01': 'National Day,国庆节,3' }, workdays: {} }).holidays.get('2026-10-01'); // '国庆节'
 */
export function officialCalendarFrom(data: ChineseDaysData): OfficialCalendar {
  const holidays = new Map(Object.entries(data.holidays).map(([date, entry]) => [date, chineseName(entry)]));
  const workdays = new Map(Object.entries(data.workdays).map(([date, entry]) => [date, chineseName(entry)]));
  const years = new Set([...holidays.keys()].map((date) => Number(date.slice(0, 4))));
  return { holidays, workdays, years };
}

let loaded: OfficialCalendar | undefined;

/**
 * The State Council's 法定节假日 and 调休 working days, from the `chinese-days` package (data
 * shipped inside the package: no network). A new year's notice arrives with a package update.
 */
export function officialCalendar(): OfficialCalendar {
  loaded ??= officialCalendarFrom(createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData);
  return loaded;
}
