import type { CommandSpec } from './command.js';
import { callerOf } from './opinion-views.js';

/** 重新打开: within 7 days of 办结, back to the handler. */
export const reopenOpinionCommand: CommandSpec = {
  id: 'reopen-opinion',
  name: '重新打开',
  aliases: ['reopen'],
  minRole: 'resident',
  args: [{ name: 'number', kind: 'opinion-number', required: true }],
  texts: (t) => t.opinions.commands.reopen,
  handler: async (ctx) => {
    const opinion = await ctx.services.opinions.closing.reopen(callerOf(ctx), ctx.args.number!);
    return ctx.t.opinions.replies.reopened(opinion.number);
  },
};
