import type { CommandSpec } from './command.js';
import { callerOf } from './opinion-views.js';

/** 附议: +1 on an open opinion. */
export const plusOneCommand: CommandSpec = {
  id: 'plus-one',
  name: '附议',
  aliases: ['+1', 'second'],
  minRole: 'resident',
  args: [{ name: 'number', kind: 'opinion-number', required: true }],
  texts: (t) => t.opinions.commands.plusOne,
  handler: async (ctx) => {
    const opinion = await ctx.services.opinions.plusOne(callerOf(ctx), ctx.args.number!);
    return ctx.t.opinions.replies.plusOned(opinion.number, opinion.plusOnes.count);
  },
};
