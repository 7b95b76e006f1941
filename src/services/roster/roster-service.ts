import type { ActivityLedger } from '../records/activity-ledger.js';
import type { Clock } from '../../core/clock.js';
import { beijingDate, daysBetween, isIsoDate } from '../../core/dates.js';
import { YishiError } from '../../core/errors.js';
import type { Messages } from '../../i18n/messages.js';
import type { Coordination } from '../../core/coordination.js';
import type { MemberRepository } from '../members/member-records.js';
import { SHIFT_SLOTS, type ShiftSlot } from './shift-records.js';
import { OPEN_SHIFT_STATES, type NewShift, type ShiftRecord, type ShiftRepository } from './shift-records.js';
import type { ShiftSwapRepository } from './shift-records.js';
import type { Notifier } from '../notifier.js';
import { showDate, type ShiftView } from './format.js';
import { appliedDays, planRotation, rosterCalendar, workingDays, type RotationRequest } from './rotation.js';
import type { CalendarDay, WorkingCalendar } from '../../core/working-calendar.js';
import type { CalendarSource } from '../calendar/calendar-service.js';
import { CHECK_IN_EARLY_MS, shiftWindow } from './slots.js';
import { ShiftSwapDesk } from './swap-desk.js';
import { DutyJobs } from './duty-jobs.js';

export interface RosterDeps {
  shifts: ShiftRepository;
  swaps: ShiftSwapRepository;
  members: MemberRepository;
  notifier: Notifier;
  coordination: Coordination;
  clock: Clock;
  t: Messages;
  /** `HH:MM`, Beijing time: when the member on duty is reminded. */
  reminderTime: string;
  /** 履职台账: a served shift counts in the member's record (issue 9). */
  ledger?: Pick<ActivityLedger, 'shiftServed'>;
  /** 工作日历: 法定节假日 are off and 调休 days on unless a roster says otherwise. */
  calendar: CalendarSource;
}

/** What a generation did. */
export interface GenerateResult {
  from: string;
  to: string;
  workingDays: number;
  created: number;
  kept: number;
  /** The holidays and 调休 days applied (official, the office's, typed for this roster). */
  specialDays: CalendarDay[];
  shifts: ShiftView[];
}

/** What a generation would write (the workbench's preview), with the names of the members. */
export interface RosterDraft extends Omit<GenerateResult, 'created' | 'shifts'> {
  shifts: Array<NewShift & { memberName: string }>;
}

export type CheckInResult =
  | { status: 'served'; shift: ShiftView }
  | { status: 'already'; shift: ShiftView }
  | { status: 'too-early'; shift: ShiftView; opensAt: Date }
  | { status: 'over'; shift: ShiftView }
  | { status: 'not-on-duty' };

const MAX_DAYS = 366;
const fail = (code: string, userMessage: string, status = 400) => new YishiError(code, { userMessage, status });

/**
 * The duty roster: who receives residents at the service centre, when and where. All dates are
 * Beijing dates; "now" always comes from the injected clock.
 */
export class RosterService {
  /** 换班: requests and answers. */
  readonly swaps: ShiftSwapDesk;
  /** Reminders and closing of finished shifts, for the scheduler. */
  readonly duties: DutyJobs;

  constructor(private readonly deps: RosterDeps) {
    this.swaps = new ShiftSwapDesk(deps, this);
    this.duties = new DutyJobs(deps, this);
  }

  get t(): Messages {
    return this.deps.t;
  }

  /** Adds member names to shifts (one lookup per distinct member). */
  async view<T extends Pick<ShiftRecord, 'memberId'>>(shifts: readonly T[]): Promise<Array<T & { memberName: string }>> {
    const names = new Map<string, string>();
    for (const id of new Set(shifts.map((shift) => shift.memberId))) {
      names.set(id, (await this.deps.members.findById(id))?.name ?? this.t.roster.unknownMember);
    }
    return shifts.map((shift) => ({ ...shift, memberName: names.get(shift.memberId)! }));
  }

  async listRange(from: string, to: string): Promise<ShiftView[]> {
    return this.view(await this.deps.shifts.listRange(from, to));
  }

  async findShift(id: string): Promise<ShiftView | null> {
    const shift = await this.deps.shifts.findById(id);
    return shift ? (await this.view([shift]))[0]! : null;
  }

  /** A member's shifts that are still to come (today's included until they end). */
  async upcomingFor(memberId: string, now: Date, limit = 5): Promise<ShiftView[]> {
    const shifts = await this.deps.shifts.listForMember(memberId, beijingDate(now), limit + 2);
    const open = shifts.filter((shift) => OPEN_SHIFT_STATES.includes(shift.state) && shiftWindow(shift.date, shift.slot).end > now);
    return this.view(open.slice(0, limit));
  }

  /** The calendar a rotation uses: the working calendar with the request's typed days on top. */
  async calendarFor(request: Pick<RotationRequest, 'holidays' | 'workdays'>): Promise<WorkingCalendar> {
    return rosterCalendar(await this.deps.calendar.current(), request, this.t.roster.generate.typedDay);
  }

  /** What a generation would apply, without changing anything (the 排班 preview). */
  async plan(request: RotationRequest): Promise<{ workingDays: number; specialDays: CalendarDay[] }> {
    const calendar = await this.calendarFor(request);
    return {
      workingDays: workingDays(calendar, request.from, request.to).length,
      specialDays: appliedDays(calendar, request.from, request.to),
    };
  }

  /**
   * Generates a rotation: members take turns over the working days of the period. Shifts already
   * served (or recorded as missed) stay; everything still to come in the period is replaced.
   */
  async generate(asked: RotationRequest): Promise<GenerateResult> {
    const request = await this.validated(asked);
    const lock = await this.deps.coordination.acquireLock('roster:generate', 60_000);
    if (!lock) throw fail('roster_busy', this.t.roster.generate.busy, 409);
    try {
      const { kept, calendar, planned } = await this.rotate(request);
      await this.deps.shifts.replaceInRange(request.from, request.to, OPEN_SHIFT_STATES, planned);
      return {
        from: request.from,
        to: request.to,
        workingDays: workingDays(calendar, request.from, request.to).length,
        created: planned.length,
        kept: kept.length,
        specialDays: appliedDays(calendar, request.from, request.to),
        shifts: await this.listRange(request.from, request.to),
      };
    } finally {
      await lock.release();
    }
  }

  /**
   * What {@link generate} would write, changing nothing (the workbench shows it before 确认): the
   * request is checked the same way, and the shifts are planned from the same kept shifts.
   */
  async draft(asked: RotationRequest): Promise<RosterDraft> {
    const request = await this.validated(asked);
    const { kept, calendar, planned } = await this.rotate(request);
    return {
      from: request.from,
      to: request.to,
      workingDays: workingDays(calendar, request.from, request.to).length,
      kept: kept.length,
      specialDays: appliedDays(calendar, request.from, request.to),
      shifts: await this.view(planned),
    };
  }

  /** The holidays and 调休 days of the working calendar in a period (the month calendar marks them). */
  async specialDaysIn(from: string, to: string): Promise<CalendarDay[]> {
    return appliedDays(await this.deps.calendar.current(), from, to);
  }

  /** The shifts a generation keeps (served or missed) and the ones it would plan around them. */
  private async rotate(request: RotationRequest): Promise<{ kept: ShiftRecord[]; calendar: WorkingCalendar; planned: NewShift[] }> {
    const existing = await this.deps.shifts.listRange(request.from, request.to);
    const kept = existing.filter((shift) => !OPEN_SHIFT_STATES.includes(shift.state));
    const previous = await this.deps.shifts.latestBefore(request.from);
    const calendar = await this.calendarFor(request);
    return { kept, calendar, planned: planRotation(request, calendar, kept, previous?.memberId) };
  }

  /** The request checked, with slots in day order; a YishiError naming the first problem otherwise. */
  private async validated(request: RotationRequest): Promise<RotationRequest> {
    const g = this.t.roster.generate;
    for (const date of [request.from, request.to, ...request.holidays, ...request.workdays]) {
      if (!isIsoDate(date)) throw fail('roster_bad_date', g.badDate(date));
    }
    if (request.from > request.to) throw fail('roster_bad_range', g.badRange);
    if (daysBetween(request.from, request.to) >= MAX_DAYS) throw fail('roster_range_too_long', g.tooLong);
    if (request.memberIds.length === 0) throw fail('roster_no_members', g.noMembers);
    const seen = new Set<string>();
    for (const id of request.memberIds) {
      const member = await this.deps.members.findById(id);
      if (!member || !member.active) throw fail('roster_member_not_found', g.memberNotFound(id));
      if (seen.has(id)) throw fail('roster_duplicate_member', g.duplicateMember(member.name));
      seen.add(id);
    }
    const clash = request.holidays.find((date) => request.workdays.includes(date));
    if (clash) throw fail('roster_holiday_and_workday', g.bothHolidayAndWorkday(clash));
    const slots = request.slots;
    const valid =
      slots.length > 0 &&
      new Set(slots).size === slots.length &&
      slots.every((slot) => SHIFT_SLOTS.includes(slot)) &&
      !(slots.includes('全天') && slots.length > 1);
    if (!valid) throw fail('roster_bad_slots', g.badSlots);
    if (!request.place.trim()) throw fail('roster_no_place', g.noPlace);
    return {
      ...request,
      place: request.place.trim(),
      slots: (['全天', '上午', '下午'] as ShiftSlot[]).filter((slot) => slots.includes(slot)),
    };
  }

  /**
   * The member on duty at `now`: the shift whose hours contain it (a missed shift does not count).
   * Used to route a resident's opinion to the member receiving residents.
   */
  async findOnDuty(now: Date): Promise<{ memberId: string; shiftId: string } | null> {
    const today = await this.deps.shifts.listRange(beijingDate(now), beijingDate(now));
    const shift = today.find((s) => s.state !== 'missed' && isWithin(now, shiftWindow(s.date, s.slot)));
    return shift ? { memberId: shift.memberId, shiftId: shift.id } : null;
  }

  /** 值班签到: marks the member's current shift served (it counts in their 履职档案). */
  async checkIn(memberId: string, now: Date): Promise<CheckInResult> {
    const today = (await this.deps.shifts.listForMember(memberId, beijingDate(now), 3)).filter((s) => s.date === beijingDate(now));
    if (today.length === 0) return { status: 'not-on-duty' };
    const windows = today.map((shift) => ({ shift, ...shiftWindow(shift.date, shift.slot) }));
    const current =
      windows.find((w) => now.getTime() >= w.start.getTime() - CHECK_IN_EARLY_MS && now <= w.end && w.shift.state !== 'missed') ??
      windows.find((w) => now < w.end) ??
      windows.at(-1)!;
    const [shift] = await this.view([current.shift]);
    if (current.shift.state === 'served') return { status: 'already', shift: shift! };
    if (now.getTime() < current.start.getTime() - CHECK_IN_EARLY_MS)
      return { status: 'too-early', shift: shift!, opensAt: new Date(current.start.getTime() - CHECK_IN_EARLY_MS) };
    if (now > current.end || current.shift.state === 'missed') return { status: 'over', shift: shift! };
    const served = await this.deps.shifts.transition(current.shift.id, OPEN_SHIFT_STATES, 'served', { servedAt: now });
    if (!served) return { status: 'already', shift: shift! };
    await this.deps.ledger?.shiftServed(served, now); // 履职台账
    return { status: 'served', shift: { ...served, memberName: shift!.memberName } };
  }

  /** Staff hand a shift to another member (admin API); both members and the staff group are told. */
  async reassign(shiftId: string, toMemberId: string, byMemberId?: string): Promise<ShiftView> {
    const t = this.t.roster;
    const { shift, to } = await this.reassignable(shiftId, toMemberId);
    if (shift.memberId === toMemberId) return (await this.view([shift]))[0]!;
    const now = this.deps.clock.now();
    const changed = await this.deps.shifts.reassign(shiftId, {
      expectedMemberId: shift.memberId,
      toMemberId,
      state: shift.state,
      entry: { at: now, kind: 'reassign', fromMemberId: shift.memberId, toMemberId, ...(byMemberId ? { byMemberId } : {}) },
    });
    if (!changed) throw fail('shift_changed', t.answer.changed, 409);
    const fromName = (await this.deps.members.findById(shift.memberId))?.name ?? t.unknownMember;
    const date = showDate(this.t, shift.date);
    const key = `shift-reassign:${shiftId}:${changed.history.length}`;
    await this.notice({ kind: 'member', memberId: toMemberId }, t.notices.reassigned(date, shift.slot, shift.place), `${key}:to`);
    await this.notice({ kind: 'member', memberId: shift.memberId }, t.notices.reassignedAway(date, shift.slot, to.name), `${key}:from`);
    await this.notice({ kind: 'group', groupKey: 'staff' }, t.notices.reassignedStaff(date, shift.slot, fromName, to.name), `${key}:staff`);
    return { ...changed, memberName: to.name };
  }

  /** What {@link reassign} would change and who would be told, changing nothing (the workbench's confirmation). */
  async previewReassign(shiftId: string, toMemberId: string): Promise<{ changes: string[]; notified: string[] }> {
    const t = this.t.roster;
    const { shift, to } = await this.reassignable(shiftId, toMemberId);
    const [held] = await this.view([shift]);
    const date = showDate(this.t, shift.date);
    if (shift.memberId === toMemberId) return { changes: [t.workbench.unchanged(date, shift.slot, to.name)], notified: [] };
    return {
      changes: [t.workbench.reassignChange(date, shift.slot, shift.place, held!.memberName, to.name)],
      notified: [to.name, held!.memberName, t.answer.staffGroup],
    };
  }

  /** The shift and the member it may go to, or the reason it may not. */
  private async reassignable(shiftId: string, toMemberId: string) {
    const t = this.t.roster;
    const shift = await this.deps.shifts.findById(shiftId);
    if (!shift) throw fail('shift_not_found', t.api.shiftNotFound, 404);
    if (!OPEN_SHIFT_STATES.includes(shift.state)) throw fail('shift_closed', t.api.shiftClosed, 409);
    const to = await this.deps.members.findById(toMemberId);
    if (!to || !to.active) throw fail('roster_member_not_found', t.generate.memberNotFound(toMemberId), 404);
    return { shift, to };
  }

  /** Sends a plain-text notice through the outbox. */
  async notice(
    recipient: Parameters<Notifier['notify']>[0],
    text: string,
    idempotencyKey: string,
    options: { dueAt?: Date; expiresAt?: Date } = {},
  ): Promise<void> {
    await this.deps.notifier.notify(recipient, { text, format: 'text' }, { idempotencyKey, ...options });
  }
}

function isWithin(now: Date, window: { start: Date; end: Date }): boolean {
  return now >= window.start && now <= window.end;
}
