import type { CommandSpec } from './command.js';
import { callerOf, listLines } from './opinion-views.js';

/** 待办: the opinions waiting for me. */
export const opinionQueueCommand: CommandSpec = {
  id: 'opinion-queue',
  name: '待办',
  aliases: ['todo', 'queue'],
  minRole: 'member',
  readOnly: true,
  args: [],
  texts: (t) => t.opinions.commands.queue,
  handler: async (ctx) => {
    const t = ctx.t.opinions.views;
    const queue = await ctx.services.opinions.queries.queue(callerOf(ctx));
    return queue.length === 0 ? t.queueEmpty : [t.queueTitle(queue.length), ...(await listLines(ctx, queue))].join('\n');
  },
};
