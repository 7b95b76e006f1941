import type { CommandContext } from './command.js';
import type { Caller } from '../src/services/opinions/types.js';
import { formatBeijingDateTime } from '../src/core/dates.js';
import type { OpinionView } from '../src/services/opinions/queries.js';
import type { OpinionRecord } from '../src/services/opinions/opinion-records.js';

/** The person and message a command acts for, as the opinion service takes them. */
export const callerOf = (ctx: CommandContext): Caller => ({ actor: ctx.actor, message: ctx.message });

/** `2026-03-05 14:30` (Beijing) or "未定". */
export const deadlineText = (ctx: CommandContext, opinion: OpinionRecord) =>
  opinion.deadline ? formatBeijingDateTime(opinion.deadline) : ctx.t.opinions.noDeadline;

/** One line per opinion: number, state, the summary the privacy gate allows here. */
export async function listLines(ctx: CommandContext, opinions: readonly OpinionRecord[]): Promise<string[]> {
  const t = ctx.t.opinions;
  const summaries = await ctx.services.opinions.queries.summaries(callerOf(ctx), opinions);
  return opinions.map((o, i) => t.views.line(o.number, t.states[o.state] ?? o.state, summaries[i]!));
}

export async function overdueLines(ctx: CommandContext, opinions: readonly OpinionRecord[]): Promise<string[]> {
  const t = ctx.t.opinions;
  const summaries = await ctx.services.opinions.queries.summaries(callerOf(ctx), opinions);
  return opinions.map((o, i) => t.views.overdueLine(o.number, o.community ?? t.unknownCommunity, summaries[i]!, deadlineText(ctx, o)));
}

/** 进度: the card, then content and history for those who may read them in full. */
export function renderProgress(ctx: CommandContext, view: OpinionView): string {
  const t = ctx.t.opinions;
  const o = view.opinion;
  const lines = [
    t.views.progress(
      o.number,
      t.states[o.state] ?? o.state,
      o.community ?? t.unknownCommunity,
      o.category ?? t.unclassified,
      o.grade ? (t.grades[o.grade] ?? o.grade) : t.noDeadline,
      view.handlerName ?? t.noHandler,
      deadlineText(ctx, o),
      o.plusOnes.count,
    ),
    t.views.content(view.content),
  ];
  if (view.result) lines.push(t.views.result(view.result));
  if (o.rating) lines.push(t.views.rating(t.ratings[o.rating] ?? o.rating, view.ratingReason));
  if (view.reopenReason && o.round > 0) lines.push(t.views.reopenReason(view.reopenReason));
  if (view.history) {
    lines.push(t.views.history);
    for (const entry of view.history) {
      const who = entry.who === 'system' ? t.views.system : (entry.whoName ?? t.views.resident);
      lines.push(t.views.historyLine(formatBeijingDateTime(entry.at), who, t.auditActions[entry.action] ?? entry.action, entry.note ?? ''));
    }
  }
  return lines.join('\n');
}
