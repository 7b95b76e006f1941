import type { CommandSpec } from './command.js';
import { opinionPreview } from './opinion-previews.js';
import { callerOf } from './opinion-views.js';

/** 不予受理: staff decline with a reason, after a confirmation. */
export const declineOpinionCommand: CommandSpec = {
  id: 'decline-opinion',
  name: '不予受理',
  aliases: ['decline'],
  minRole: 'staff',
  args: [
    { name: 'number', kind: 'opinion-number', required: true },
    { name: 'reason', kind: 'text', required: true },
  ],
  confirm: {
    preview: async (ctx) => {
      const opinion = await ctx.services.opinions.triage.checkDecline(callerOf(ctx), ctx.args.number!);
      return opinionPreview(ctx, opinion, ctx.t.opinions.replies.preview.decline(opinion.number, ctx.args.reason!));
    },
  },
  texts: (t) => t.opinions.commands.decline,
  handler: async (ctx) => {
    const opinion = await ctx.services.opinions.triage.decline(callerOf(ctx), ctx.args.number!, ctx.args.reason!);
    return ctx.t.opinions.replies.declined(opinion.number);
  },
};
