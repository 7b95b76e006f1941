import { timeOfDay } from '../../core/scheduled-job.js';
import { addDays, beijingDate, beijingInstant } from '../../core/dates.js';
import { OPEN_SHIFT_STATES } from './shift-records.js';
import { showDate, showHours, showLine } from './format.js';
import type { RosterDeps, RosterService } from './roster-service.js';
import { shiftWindow } from './slots.js';

/**
 * Time-driven roster work, written as "what is due at `now`?": running it twice, late, or on
 * several instances at once sends nothing twice (every notice has a per-shift idempotency key
 * in the outbox) and a late run catches up.
 */
export class DutyJobs {
  constructor(
    private readonly deps: RosterDeps,
    private readonly roster: RosterService,
  ) {}

  /** The reminder instant on a Beijing date. */
  reminderAt(date: string): Date {
    const { hour, minute } = timeOfDay(this.deps.reminderTime);
    return beijingInstant(date, hour, minute);
  }

  /**
   * From the reminder time on, each member on duty today gets a 1:1 reminder (until their shift
   * ends) and the staff group one line about the day. Returns how many shifts were due.
   */
  async sendDueReminders(now: Date): Promise<number> {
    const today = beijingDate(now);
    if (now < this.reminderAt(today)) return 0;
    const t = this.deps.t.roster.notices;
    const shifts = await this.roster.view(await this.deps.shifts.listRange(today, today));
    const due = shifts.filter((shift) => OPEN_SHIFT_STATES.includes(shift.state) && shiftWindow(shift.date, shift.slot).end > now);
    const shown = showDate(this.deps.t, today);
    for (const shift of due) {
      const text = t.reminder(shown, shift.slot, showHours(shift), shift.place);
      await this.roster.notice({ kind: 'member', memberId: shift.memberId }, text, `duty-reminder:${shift.id}`, {
        expiresAt: shiftWindow(shift.date, shift.slot).end,
      });
    }
    if (due.length > 0) {
      const lastEnd = shiftWindow(today, due.at(-1)!.slot).end;
      const lines = shifts.map((shift) => showLine(this.deps.t, shift));
      await this.roster.notice({ kind: 'group', groupKey: 'staff' }, t.staffToday(shown, lines), `duty-reminder-staff:${today}`, {
        expiresAt: lastEnd,
      });
    }
    return due.length;
  }

  /**
   * Shifts whose hours are over without a check-in become `missed`; the staff group is told the
   * next working day's morning at the reminder time (the office is not there on a weekend or holiday).
   * Returns how many were closed now.
   */
  async closeFinishedShifts(now: Date): Promise<number> {
    const t = this.deps.t.roster.notices;
    const today = beijingDate(now);
    const open = await this.deps.shifts.listOpenUntil(today);
    let closed = 0;
    for (const shift of open.filter((s) => shiftWindow(s.date, s.slot).end <= now)) {
      const missed = await this.deps.shifts.transition(shift.id, OPEN_SHIFT_STATES, 'missed', { missedAt: now });
      if (missed) closed += 1;
    }
    // Recent missed shifts are notified again (the outbox key makes it a no-op), so a crash
    // between marking a shift and enqueueing its notice cannot lose the notice.
    const recent = (await this.deps.shifts.listRange(addDays(today, -1), today)).filter((s) => s.state === 'missed');
    const calendar = recent.length > 0 ? await this.deps.calendar.current() : null;
    for (const missed of await this.roster.view(recent)) {
      const text = t.missed(showDate(this.deps.t, missed.date), missed.slot, missed.memberName, missed.place);
      await this.roster.notice({ kind: 'group', groupKey: 'staff' }, text, `duty-missed:${missed.id}`, {
        dueAt: this.reminderAt(calendar!.nextWorkingDay(missed.date)),
      });
    }
    return closed;
  }
}
