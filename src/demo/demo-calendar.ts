import { addDays, beijingDate, daysBetween, eachDate } from '../core/dates.js';
import { officialCalendar } from '../core/official-calendar.js';
import { WorkingCalendar } from '../core/working-calendar.js';
import { monthPeriod } from '../services/events/programme-service.js';

/** The source's events are on 24, 25 and 28 September. */
const SOURCE_FIRST_DAY = '09-24';
/** The real September dates are used when the first event is this close; else the month is shifted. */
const REAL_DATES_WITHIN_DAYS = 60;
/** A shifted month's first event is this many days ahead, so the 3-day reminder fires tomorrow. */
const SHIFTED_FIRST_EVENT_IN_DAYS = 4;
/** The roster covers at least this many days, so 本周, 下周 and 我的值班 have answers. */
const MIN_ROSTER_DAYS = 14;

export interface DemoCalendar {
  /** The duty roster: from today (a past day would only become a "missed" shift) to the month's end. */
  roster: { from: string; to: string; daysOff: string[] };
  /** The consultation month: its period and the first event's date. */
  programme: { title: string; startDate: string; endDate: string; firstEventDate: string; shifted: boolean };
}

/**
 * Dates for the demo, from today (Beijing). The consultation month keeps the source's real dates
 * (this year's 24, 25 and 28 September) when they are at most 60 days ahead, so a demo in August
 * or September is true to the article. Otherwise the same three events (same gaps, same times)
 * start four days from today, in a month-long programme beginning today: reminders then fall in
 * the coming days (3 days before → tomorrow) and people see them in `npm run chat`.
 */
export function demoCalendar(now: Date): DemoCalendar {
  const today = beijingDate(now);
  const year = today.slice(0, 4);
  const monthEnd = monthPeriod(today.slice(0, 7)).endDate;
  const rosterTo = daysBetween(today, monthEnd) + 1 < MIN_ROSTER_DAYS ? addDays(today, MIN_ROSTER_DAYS - 1) : monthEnd;
  // The demo's centre opens every day: weekends and official holidays are typed in as working days.
  const calendar = new WorkingCalendar(officialCalendar());
  const roster = { from: today, to: rosterTo, daysOff: eachDate(today, rosterTo).filter((date) => !calendar.isWorkingDay(date)) };

  const realFirst = `${year}-${SOURCE_FIRST_DAY}`;
  const ahead = daysBetween(today, realFirst);
  const programme =
    ahead > 0 && ahead <= REAL_DATES_WITHIN_DAYS
      ? { title: `${year}年界别协商议事月`, ...monthPeriod(`${year}-09`), firstEventDate: realFirst, shifted: false }
      : {
          title: `${year}年界别协商议事月（演示）`,
          startDate: today,
          endDate: addDays(today, 29),
          firstEventDate: addDays(today, SHIFTED_FIRST_EVENT_IN_DAYS),
          shifted: true,
        };
  return { roster, programme };
}
