/**
 * A piece of timed work. `run(now)` asks "what is due at `now`?" and hands it to services (which
 * put notices in the outbox under idempotency keys). Running it twice, or on two instances at
 * once, must change nothing the second time: the scheduler's lock only saves work.
 *
 * @example
 * const dutyReminders: ScheduledJob = {
 *   name: 'duty-reminders',
 *   cron: '0 8 * * *', // every day at 08:00 Beijing time
 *   run: (now) => roster.remindShiftsOf(now),
 * };
 */
export interface ScheduledJob {
  /** Unique; also names the lock `scheduler:<name>`. */
  name: string;
  /** node-cron expression (5 fields, or 6 with seconds), read in Asia/Shanghai. */
  cron: string;
  run(now: Date): Promise<void>;
}
