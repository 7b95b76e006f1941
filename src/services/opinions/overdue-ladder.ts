import type { OpinionNotices } from './notifications.js';
import { formatBeijingDateTime } from '../../core/dates.js';
import type { OfficeHours, WorkingCalendar } from '../../core/working-calendar.js';
import { officeHours, timeLimits } from './support.js';
import { LADDER_STATES, type OpinionDeps, type OpinionRecord } from './types.js';

/** The ladder's steps, in percent of the time limit. */
export const LADDER_STEPS = [50, 100, 150] as const;
export type LadderStep = (typeof LADDER_STEPS)[number];

/**
 * Percent of the time limit used at `now`, in office time of the working calendar (nights,
 * weekends and holidays do not count): 0 without a limit, 100 at the deadline.
 */
export function percentUsed(calendar: WorkingCalendar, opinion: OpinionRecord, now: Date, hours: OfficeHours): number {
  if (!opinion.limitStart || !opinion.deadline) return 0;
  return calendar.percentUsed(opinion.limitStart, opinion.deadline, now, hours);
}

/**
 * The step to send now: the highest one that is due and not sent yet this round (after a pause,
 * the earlier steps it overtook are not sent at all), or null.
 */
export function dueStep(used: number, level: number): LadderStep | null {
  return LADDER_STEPS.filter((step) => step > level && used >= step).at(-1) ?? null;
}

/** One key per opinion, round and step: a step fires once however often and wherever the ladder runs. */
export function ladderKey(opinion: OpinionRecord, step: LadderStep): string {
  return opinion.round === 0 ? `overdue:${opinion.id}:${step}` : `overdue:${opinion.id}:r${opinion.round}:${step}`;
}

/**
 * The overdue ladder: at 50% of the limit the handler is reminded (1:1), at 100% the handler's
 * sector convenor is @-mentioned in the sector's group (the office group when that convenor is the
 * handler himself, or there is none), at 150% it goes on the staff group's overdue board. Each
 * step fires once per round (outbox idempotency key + a conditional level); a tick that finds
 * several steps due (Yishi was down) sends only the highest.
 */
export class OverdueLadder {
  constructor(
    private readonly deps: OpinionDeps,
    private readonly notices: OpinionNotices,
  ) {}

  private get t() {
    return this.deps.messages.opinions.notices;
  }

  private async clock(): Promise<{ calendar: WorkingCalendar; hours: OfficeHours }> {
    return { calendar: await this.deps.calendar.current(), hours: officeHours(await timeLimits(this.deps)) };
  }

  async run(now: Date): Promise<number> {
    const items = await this.ladderOpinions();
    const { calendar, hours } = await this.clock();
    let fired = 0;
    const top = LADDER_STEPS[LADDER_STEPS.length - 1];
    for (const opinion of items) {
      if (opinion.ladderLevel >= top) continue; // every step sent: no need to measure office time
      const step = dueStep(percentUsed(calendar, opinion, now, hours), opinion.ladderLevel);
      if (step === null) continue;
      await this.fire(opinion, step, now);
      if (await this.deps.opinions.raiseLadder(opinion.id, opinion.round, opinion.ladderLevel, step)) fired += 1;
    }
    return fired;
  }

  private async fire(opinion: OpinionRecord, step: LadderStep, now: Date): Promise<void> {
    const opinions = this.deps.messages.opinions;
    const key = ladderKey(opinion, step);
    const deadline = opinion.deadline ? formatBeijingDateTime(opinion.deadline) : opinions.noDeadline;
    const past = opinion.deadline !== undefined && opinion.deadline <= now;
    const community = opinion.community ?? opinions.unknownCommunity;
    const category = opinion.category ?? opinions.unclassified;
    const summary = await this.notices.summary(opinion);
    const handler = opinion.handlerId ? await this.deps.members.findById(opinion.handlerId) : null;
    const handlerName = handler?.name ?? opinions.noHandler;
    if (step === 50 && handler) {
      const text = past
        ? this.t.reminderPastDeadline(opinion.number, summary, deadline)
        : this.t.reminder50(opinion.number, summary, deadline);
      await this.notices.toMember(handler.id, text, key);
      return;
    }
    if (step === 100 && handler) {
      // A convenor is never asked to watch over himself: the step goes to the next rung, the office.
      const convenor = (await this.deps.members.list({ sector: handler.sector, activeOnly: true })).find(
        (m) => m.isConvenor && m.id !== handler.id,
      );
      if (!convenor) {
        const text = this.t.staff100(opinion.number, community, category, summary, handlerName, deadline);
        await this.notices.toGroup('staff', { text, format: 'text' }, key);
        return;
      }
      const mentionId = convenor.wecomUserId ?? convenor.dingtalkStaffId;
      const text = this.t.convenor100(convenor.name, opinion.number, community, category, summary, handlerName, deadline);
      await this.notices.toGroup(handler.sector, { text, format: 'text', ...(mentionId ? { mentionUserIds: [mentionId] } : {}) }, key);
      return;
    }
    // 150%, or an earlier step with nobody assigned yet: the office group hears of it.
    const text =
      step === 150
        ? this.t.board150(opinion.number, community, category, summary, handlerName, deadline)
        : this.t.unassignedOverdue(opinion.number, community, category, summary, step);
    await this.notices.toGroup('staff', { text, format: 'text' }, key);
  }

  /** The weekly 逾期看板 for the staff group: every open opinion past 150% of its limit (nothing when none). */
  async postWeeklyBoard(now: Date): Promise<void> {
    const opinions = this.deps.messages.opinions;
    const items = await this.ladderOpinions();
    const { calendar, hours } = await this.clock();
    const late = items
      .filter((o) => percentUsed(calendar, o, now, hours) >= 150)
      .sort((a, b) => a.deadline!.getTime() - b.deadline!.getTime());
    const lines = await Promise.all(
      late.map(async (o) =>
        opinions.boardLine(
          o.number,
          o.community ?? opinions.unknownCommunity,
          await this.notices.summary(o),
          formatBeijingDateTime(o.deadline!),
        ),
      ),
    );
    // An empty board is not worth a message in the office group.
    if (lines.length === 0) return;
    const text = [this.t.weeklyBoardTitle(lines.length), ...lines].join('\n');
    await this.notices.toGroup('staff', { text, format: 'text' }, `overdue-board:${formatBeijingDateTime(now).slice(0, 10)}`);
  }

  /**
   * Every opinion in a ladder state, newest first (as one list of `states` gives them): one list per
   * state, since FerretDB hands an equality on `state` to PostgreSQL but evaluates `states` (`$in`)
   * itself over every opinion ever filed (docs/ferretdb-gaps.md), every ten minutes.
   */
  private async ladderOpinions(): Promise<OpinionRecord[]> {
    const lists = await Promise.all(LADDER_STATES.map((state) => this.deps.opinions.list({ state }, { skip: 0, limit: 10_000 })));
    return lists
      .flatMap((list) => list.items)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }
}
