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
  handler: async (ctx) => renderProgress(ctx, await ctx.services.opinions.queries.progress(callerOf(ctx), ctx.args.number!)),
};
