import { beijingDate } from '../../core/dates.js';
import { YishiError } from '../../core/errors.js';
import { OPEN_SHIFT_STATES } from './shift-records.js';
import type { ShiftSwapRecord } from './shift-records.js';
import { showDate, type ShiftView } from './format.js';
import type { RosterDeps, RosterService } from './roster-service.js';
import { slotsOverlap } from './rotation.js';
import { shiftWindow } from './slots.js';

export type SwapAnswer =
  { status: 'agreed'; shift: ShiftView; fromName: string } | { status: 'refused'; fromName: string } | { status: 'changed' };

/** A swap request with the names of the member who asked and the member asked. */
export type SwapView = ShiftSwapRecord & { fromName: string; toName: string };

const fail = (code: string, userMessage: string, status = 400) => new YishiError(code, { userMessage, status });

/**
 * 换班: a member asks another to take one of their shifts; the other answers 同意 or 拒绝. The
 * roster changes only on 同意, with a conditional update, so a shift regenerated or reassigned
 * in the meantime voids the request instead of being overwritten.
 */
export class ShiftSwapDesk {
  constructor(
    private readonly deps: RosterDeps,
    private readonly roster: RosterService,
  ) {}

  /** Asks `toMemberId` to take the requester's shift on `date`; they are told at once. */
  async request(fromMemberId: string, date: string, toMemberId: string, now: Date): Promise<{ shift: ShiftView; toName: string }> {
    const t = this.deps.t.roster.swap;
    const shown = showDate(this.deps.t, date);
    if (fromMemberId === toMemberId) throw fail('swap_self', t.self);
    const to = await this.deps.members.findById(toMemberId);
    if (!to || !to.active) throw fail('swap_member_not_found', t.memberNotFound(toMemberId));
    const dayShifts = await this.deps.shifts.listRange(date, date);
    const mine = dayShifts.filter((shift) => shift.memberId === fromMemberId && OPEN_SHIFT_STATES.includes(shift.state));
    if (mine.length === 0) throw fail('swap_no_shift', t.noShiftThatDay(shown));
    const shift = mine.find((s) => shiftWindow(s.date, s.slot).start > now);
    if (!shift) throw fail('swap_too_late', t.alreadyOver(shown));
    if (dayShifts.some((s) => s.memberId === toMemberId && slotsOverlap(s.slot, shift.slot)))
      throw fail('swap_member_busy', t.busy(to.name, shown));
    const pending = await this.deps.swaps.findPendingForShift(shift.id);
    if (pending) {
      const waitingFor = (await this.deps.members.findById(pending.toMemberId))?.name ?? this.deps.t.roster.unknownMember;
      throw fail('swap_pending', t.alreadyPending(shown, waitingFor), 409);
    }
    const request = await this.deps.swaps.open({ shiftId: shift.id, date, slot: shift.slot, fromMemberId, toMemberId, createdAt: now });
    if (!request) throw fail('swap_pending', t.alreadyPending(shown, to.name), 409);
    const fromName = (await this.deps.members.findById(fromMemberId))?.name ?? this.deps.t.roster.unknownMember;
    await this.roster.notice(
      { kind: 'member', memberId: toMemberId },
      t.askNotice(fromName, shown, shift.slot, shift.place),
      `swap-ask:${request.id}`,
      {
        expiresAt: shiftWindow(shift.date, shift.slot).start,
      },
    );
    const [view] = await this.roster.view([shift]);
    return { shift: view!, toName: to.name };
  }

  /**
   * The asked member answers. With several requests waiting, `date` picks one; without it the
   * answer is refused with the list of dates (never a guess).
   */
  /** The request 同意 would answer, changing nothing (for the confirmation): who asked, which shift. */
  async pending(memberId: string, date: string | undefined, now: Date): Promise<{ fromName: string; date: string; slot: string }> {
    const request = await this.pickRequest(memberId, date, now);
    const fromName = (await this.deps.members.findById(request.fromMemberId))?.name ?? this.deps.t.roster.unknownMember;
    return { fromName, date: request.date, slot: request.slot };
  }

  async answer(memberId: string, agree: boolean, date: string | undefined, now: Date): Promise<SwapAnswer> {
    const request = await this.pickRequest(memberId, date, now);
    const t = this.deps.t.roster.answer;
    const fromName = (await this.deps.members.findById(request.fromMemberId))?.name ?? this.deps.t.roster.unknownMember;
    const shown = showDate(this.deps.t, request.date);
    if (!agree) {
      if (!(await this.deps.swaps.close(request.id, 'refused', now))) throw fail('swap_answered', t.none);
      await this.roster.notice(
        { kind: 'member', memberId: request.fromMemberId },
        t.refusedNotice(await this.nameOf(memberId), shown, request.slot),
        `swap-refused:${request.id}`,
      );
      return { status: 'refused', fromName };
    }
    const changed = await this.deps.shifts.reassign(request.shiftId, {
      expectedMemberId: request.fromMemberId,
      toMemberId: memberId,
      state: 'swapped',
      entry: { at: now, kind: 'swap', fromMemberId: request.fromMemberId, toMemberId: memberId },
    });
    if (!changed) {
      await this.deps.swaps.close(request.id, 'void', now);
      return { status: 'changed' };
    }
    await this.deps.swaps.close(request.id, 'agreed', now);
    const toName = await this.nameOf(memberId);
    await this.roster.notice(
      { kind: 'member', memberId: request.fromMemberId },
      t.agreedNotice(toName, shown, request.slot),
      `swap-agreed:${request.id}`,
    );
    await this.roster.notice(
      { kind: 'group', groupKey: 'staff' },
      t.staffNotice(shown, request.slot, fromName, toName),
      `swap-staff:${request.id}`,
    );
    return { status: 'agreed', shift: { ...changed, memberName: toName }, fromName };
  }

  private async pickRequest(memberId: string, date: string | undefined, now: Date): Promise<ShiftSwapRecord> {
    const t = this.deps.t.roster.answer;
    const today = beijingDate(now);
    const waiting = (await this.deps.swaps.listPendingFor(memberId)).filter((r) => r.date >= today && (!date || r.date === date));
    if (waiting.length === 0) throw fail('swap_none_pending', t.none);
    const dates = [...new Set(waiting.map((r) => r.date))];
    if (dates.length > 1)
      throw fail(
        'swap_ambiguous',
        t.ambiguous(
          dates.map((d) => showDate(this.deps.t, d)),
          shortDate(dates[0]!),
        ),
      );
    return waiting[0]!;
  }

  /** The requests for shifts in a period, in every state, with both members' names (the workbench's list). */
  async listRange(from: string, to: string, limit = 200): Promise<SwapView[]> {
    const requests = await this.deps.swaps.listRange(from, to, limit);
    const names = new Map<string, string>();
    for (const id of new Set(requests.flatMap((r) => [r.fromMemberId, r.toMemberId]))) names.set(id, await this.nameOf(id));
    return requests.map((r) => ({ ...r, fromName: names.get(r.fromMemberId)!, toName: names.get(r.toMemberId)! }));
  }

  private async nameOf(memberId: string): Promise<string> {
    return (await this.deps.members.findById(memberId))?.name ?? this.deps.t.roster.unknownMember;
  }
}

/** `3月5日`, a form the date parser reads back. */
function shortDate(date: string): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${month}月${day}日`;
}
