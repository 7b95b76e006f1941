import type { CommandSpec } from './command.js';
import { callerOf, overdueLines } from './opinion-views.js';

/** 逾期: opinions past their time limit (staff: all; members: their own). */
export const overdueOpinionsCommand: CommandSpec = {
  id: 'overdue-opinions',
  name: '逾期',
  aliases: ['overdue'],
  minRole: 'member',
  readOnly: true,
  args: [],
  texts: (t) => t.opinions.commands.overdue,
  handler: async (ctx) => {
    const t = ctx.t.opinions.views;
    const late = await ctx.services.opinions.queries.overdue(callerOf(ctx));
    return late.length === 0 ? t.overdueEmpty : [t.overdueTitle(late.length), ...(await overdueLines(ctx, late))].join('\n');
  },
};
