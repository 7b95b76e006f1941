import type { CommandSpec } from './command.js';
import { callerOf, renderProgress } from './opinion-views.js';

/** 进度: one opinion's state, handler, time limit (and, for those involved, its history). */
export const opinionProgressCommand: CommandSpec = {
  id: 'opinion-progress',
  name: '进度',
  aliases: ['progress', 'status'],
  minRole: 'resident',
  readOnly: true,
  args: [{ name: 'number', kind: 'opinion-number', required: true }],
  texts: (t) => t.opinions.commands.progress,
  handler: async (ctx) => {
    const view = await ctx.services.opinions.queries.progress(callerOf(ctx), ctx.args.number!);
    const outcomes = ctx.services.outcomes;
    // 协商成果 it led to: the office's lines for caseworkers, plain ones for the filer and the public.
    const lines = await outcomes.linesFor(outcomes.forOpinion(view.opinion.number), view.audience !== 'caseworker');
    return [renderProgress(ctx, view), ...lines].join('\n');
  },
};
