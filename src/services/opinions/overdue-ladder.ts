import type { OpinionNotices } from './notifications.js';
import { formatBeijingDateTime } from '../../core/dates.js';
import { LADDER_STATES, type OpinionDeps, type OpinionRecord } from './types.js';

/** The ladder's steps, in percent of the time limit. */
export const LADDER_STEPS = [50, 100, 150] as const;
export type LadderStep = (typeof LADDER_STEPS)[number];

/** Percent of the time limit used at `now` (0 when there is no limit). */
export function percentUsed(opinion: OpinionRecord, now: Date): number {
  if (!opinion.limitStart || !opinion.deadline) return 0;
  const limit = opinion.deadline.getTime() - opinion.limitStart.getTime();
  return limit > 0 ? ((now.getTime() - opinion.limitStart.getTime()) / limit) * 100 : 0;
}

/** One key per opinion, round and step: a step fires once however often and wherever the ladder runs. */
export function ladderKey(opinion: OpinionRecord, step: LadderStep): string {
  return opinion.round === 0 ? `overdue:${opinion.id}:${step}` : `overdue:${opinion.id}:r${opinion.round}:${step}`;
}

/**
 * The overdue ladder: at 50% of the limit the handler is reminded (1:1), at 100% the handler's
 * sector convenor is @-mentioned in the sector's group, at 150% it goes on the staff group's
 * overdue board. Each step fires once per round (outbox idempotency key + a conditional level).
 */
export class OverdueLadder {
  constructor(
    private readonly deps: OpinionDeps,
    private readonly notices: OpinionNotices,
  ) {}

  private get t() {
    return this.deps.messages.opinions.notices;
  }

  async run(now: Date): Promise<number> {
    const { items } = await this.deps.opinions.list({ states: [...LADDER_STATES] }, { skip: 0, limit: 10_000 });
    let fired = 0;
    for (const opinion of items) {
      const used = percentUsed(opinion, now);
      let level = opinion.ladderLevel;
      for (const step of LADDER_STEPS) {
        if (step <= level || used < step) continue;
        await this.fire(opinion, step);
        if (!(await this.deps.opinions.raiseLadder(opinion.id, opinion.round, level, step))) break;
        level = step;
        fired += 1;
      }
    }
    return fired;
  }

  private async fire(opinion: OpinionRecord, step: LadderStep): Promise<void> {
    const opinions = this.deps.messages.opinions;
    const key = ladderKey(opinion, step);
    const deadline = opinion.deadline ? formatBeijingDateTime(opinion.deadline) : opinions.noDeadline;
    const community = opinion.community ?? opinions.unclassified;
    const category = opinion.category ?? opinions.unclassified;
    const summary = await this.notices.summary(opinion);
    const handler = opinion.handlerId ? await this.deps.members.findById(opinion.handlerId) : null;
    const handlerName = handler?.name ?? opinions.noHandler;
    if (step === 50 && handler) {
      await this.notices.toMember(handler.id, this.t.reminder50(opinion.number, summary, deadline), key);
      return;
    }
    if (step === 100 && handler) {
      const convenor = (await this.deps.members.list({ sector: handler.sector })).find((m) => m.isConvenor);
      const mentionId = convenor?.wecomUserId ?? convenor?.dingtalkStaffId;
      const text = this.t.convenor100(convenor?.name ?? '', opinion.number, community, category, summary, handlerName, deadline);
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
    const { items } = await this.deps.opinions.list({ states: [...LADDER_STATES] }, { skip: 0, limit: 10_000 });
    const late = items.filter((o) => percentUsed(o, now) >= 150).sort((a, b) => a.deadline!.getTime() - b.deadline!.getTime());
    const lines = await Promise.all(
      late.map(async (o) =>
        opinions.boardLine(
          o.number,
          o.community ?? opinions.unclassified,
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
}
