import type { CommandSpec } from './command.js';
import { callerOf, listLines } from './opinion-views.js';

/** 我的反映: my recent opinions with their states. */
export const myOpinionsCommand: CommandSpec = {
  id: 'my-opinions',
  name: '我的反映',
  aliases: ['mine', 'my-opinions'],
  minRole: 'resident',
  readOnly: true,
  args: [],
  texts: (t) => t.opinions.commands.mine,
  handler: async (ctx) => {
    const t = ctx.t.opinions.views;
    const mine = await ctx.services.opinions.queries.mine(callerOf(ctx));
    return mine.length === 0 ? t.mineEmpty : [t.mineTitle, ...(await listLines(ctx, mine))].join('\n');
  },
};
