import type { CommandSpec } from './command.js';
import { opinionPreview } from './opinion-previews.js';
import { callerOf } from './opinion-views.js';

/** 转协商: a complex matter becomes a consultation topic. */
export const escalateOpinionCommand: CommandSpec = {
  id: 'escalate-opinion',
  name: '转协商',
  aliases: ['escalate'],
  minRole: 'staff',
  args: [{ name: 'number', kind: 'opinion-number', required: true }],
  confirm: {
    preview: async (ctx) => {
      const opinion = await ctx.services.opinions.load(ctx.args.number!);
      return opinionPreview(ctx, opinion, ctx.t.opinions.replies.preview.escalate(opinion.number));
    },
  },
  texts: (t) => t.opinions.commands.escalate,
  handler: async (ctx) => {
    const opinion = await ctx.services.opinions.triage.escalate(callerOf(ctx), ctx.args.number!);
    return ctx.t.opinions.replies.escalated(opinion.number);
  },
};
