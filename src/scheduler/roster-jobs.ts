import type { RosterService } from '../services/roster/roster-service.js';
import { cronAt, type ScheduledJob } from '../core/scheduled-job.js';

/**
 * The duty roster's timed work (Beijing time):
 * - `duty-reminders` at DUTY_REMINDER_TIME: the member on duty gets a 1:1 reminder, the staff
 *   group one line;
 * - `duty-rounds` every 10 minutes: shifts that ended without a check-in become missed (staff
 *   told the next morning), and reminders missed while Yishi was down go out late.
 * Both ask "what is due at now?"; the outbox keys (`duty-reminder:<shiftId>` …) make reruns free.
 */
export function rosterJobs(roster: RosterService, reminderTime: string): ScheduledJob[] {
  return [
    {
      name: 'duty-reminders',
      cron: cronAt(reminderTime),
      run: async (now) => {
        await roster.duties.sendDueReminders(now);
      },
    },
    {
      name: 'duty-rounds',
      cron: '*/10 * * * *',
      run: async (now) => {
        await roster.duties.closeFinishedShifts(now);
        await roster.duties.sendDueReminders(now);
      },
    },
  ];
}
