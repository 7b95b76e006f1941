import { cronAt, type ScheduledJob } from '../core/scheduled-job.js';
import type { CalendarService } from '../services/calendar/calendar-service.js';

/**
 * The working calendar's timed work: `calendar.next-year-check` daily at WEEKLY_DIGEST_TIME — in
 * December, if next year's 法定节假日 are unknown, the staff group is warned (once: outbox key).
 */
export function calendarJobs(calendar: CalendarService, time: string): ScheduledJob[] {
  return [{ name: 'calendar.next-year-check', cron: cronAt(time), run: async (now) => void (await calendar.warnIfNextYearUnknown(now)) }];
}
