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

/** Hour and minute of a configured `HH:MM` time of day (validated by the config schema). */
export function timeOfDay(hhmm: string): { hour: number; minute: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new RangeError(`not an HH:MM time of day: ${hhmm}`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/**
 * The node-cron expression for `HH:MM` every day, on one weekday (1 = Monday) or on one day of the month.
 *
 * @example
 * cronAt('09:00', { weekday: 1 }); // '0 9 * * 1' — Mondays at 09:00 Beijing time
 */
export function cronAt(hhmm: string, on: { weekday?: number; dayOfMonth?: number } = {}): string {
  const { hour, minute } = timeOfDay(hhmm);
  return `${minute} ${hour} ${on.dayOfMonth ?? '*'} * ${on.weekday ?? '*'}`;
}
