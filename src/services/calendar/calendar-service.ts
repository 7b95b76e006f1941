import type { Clock } from '../../core/clock.js';
import { beijingDate, isIsoDate } from '../../core/dates.js';
import { YishiError } from '../../core/errors.js';
import { officialCalendar } from '../../core/official-calendar.js';
import { WorkingCalendar, type DayAdjustment, type OfficialCalendar } from '../../core/working-calendar.js';
import type { Messages } from '../../i18n/messages.js';
import type { Notifier } from '../notifier.js';
import type { SettingsRepository } from '../settings-records.js';

/** The settings key of the office's own days (`{ days: DayAdjustment[] }`). */
export const CALENDAR_KEY = 'working-calendar';

/** What every deadline, reminder and roster asks: the calendar in force now. */
export interface CalendarSource {
  current(): Promise<WorkingCalendar>;
}

export interface CalendarDeps {
  settings: SettingsRepository;
  clock: Clock;
  messages: Messages;
  notifier: Notifier;
  /** The State Council's calendar (default: the chinese-days package). */
  official?: OfficialCalendar;
}

/**
 * The committee's working calendar: the official 法定节假日 and 调休 plus the office's own days
 * off and days at work (admin API, CLI). Every deadline, reminder, overdue check and roster asks
 * {@link CalendarService.current}, so one change reaches them all.
 *
 * @example
 * await calendars.setOfficeDays([{ date: '2026-12-31', working: false, name: '机关调休' }]);
 * (await calendars.current()).isWorkingDay('2026-12-31'); // false
 */
export class CalendarService implements CalendarSource {
  private readonly official: OfficialCalendar;

  constructor(private readonly deps: CalendarDeps) {
    this.official = deps.official ?? officialCalendar();
  }

  async officeDays(): Promise<DayAdjustment[]> {
    const stored = await this.deps.settings.get<{ days: DayAdjustment[] }>(CALENDAR_KEY);
    return [...(stored?.days ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  }

  /** Replaces the office's own days; a bad date or a date listed twice is refused and nothing changes. */
  async setOfficeDays(days: readonly DayAdjustment[]): Promise<DayAdjustment[]> {
    const t = this.deps.messages.calendar.errors;
    const seen = new Set<string>();
    for (const day of days) {
      if (!isIsoDate(day.date)) throw new YishiError('calendar_bad_date', { userMessage: t.badDate(day.date) });
      if (seen.has(day.date)) throw new YishiError('calendar_date_twice', { userMessage: t.twice(day.date) });
      seen.add(day.date);
    }
    const clean = days
      .map((d) => ({ date: d.date, working: d.working, ...(d.name?.trim() ? { name: d.name.trim() } : {}) }))
      .sort((a, b) => a.date.localeCompare(b.date));
    await this.deps.settings.set(CALENDAR_KEY, { days: clean }, this.deps.clock.now());
    return clean;
  }

  async current(): Promise<WorkingCalendar> {
    return new WorkingCalendar(this.official, await this.officeDays());
  }

  /** The years the official data covers (newest last). */
  officialYears(): number[] {
    return [...this.official.years].sort((a, b) => a - b);
  }

  /**
   * In December, when nobody knows next year's 法定节假日 yet (the package has no data and the
   * office set none), the staff group is told once: next year would otherwise count weekends only.
   */
  async warnIfNextYearUnknown(now: Date): Promise<boolean> {
    const [year, month] = beijingDate(now).split('-').map(Number) as [number, number];
    if (month !== 12) return false;
    if ((await this.current()).knowsYear(year + 1)) return false;
    const text = this.deps.messages.calendar.nextYearUnknown(year + 1);
    await this.deps.notifier.notify(
      { kind: 'group', groupKey: 'staff' },
      { text, format: 'text' },
      { idempotencyKey: `calendar-next-year-unknown:${year + 1}` },
    );
    return true;
  }
}
