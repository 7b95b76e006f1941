import type { CommandSpec } from './command.js';
import { opinionPreview } from './opinion-previews.js';
import { callerOf } from './opinion-views.js';

/**
 * 重新打开 编号 原因: within the window after 办结 by the filer or staff, once 已归档 by staff only;
 * back to the handler with the reason. Without a reason, Yishi asks for it.
 */
export const reopenOpinionCommand: CommandSpec = {
  id: 'reopen-opinion',
  name: '重新打开',
  aliases: ['reopen'],
  minRole: 'resident',
  args: [
    { name: 'number', kind: 'opinion-number', required: true },
    { name: 'reason', kind: 'text', required: true },
  ],
  prompts: { reason: { ask: (t) => t.opinions.commands.dialogue.askReopenReason } },
  confirm: {
    preview: async (ctx) => {
      const opinion = await ctx.services.opinions.closing.checkReopen(callerOf(ctx), ctx.args.number!);
      const change = ctx.t.opinions.replies.preview.reopen(opinion.number, ctx.args.reason!.trim());
      return opinionPreview(ctx, opinion, change, { handlerId: opinion.handlerId });
    },
  },
  texts: (t) => t.opinions.commands.reopen,
  handler: async (ctx) => {
    const opinion = await ctx.services.opinions.closing.reopen(callerOf(ctx), ctx.args.number!, ctx.args.reason!);
    return ctx.t.opinions.replies.reopened(opinion.number);
  },
};
