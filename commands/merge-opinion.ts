import type { CommandSpec } from './command.js';
import { opinionPreview } from './opinion-previews.js';
import { callerOf } from './opinion-views.js';

/** 合并: a duplicate joins another opinion, after a confirmation. */
export const mergeOpinionCommand: CommandSpec = {
  id: 'merge-opinion',
  name: '合并',
  aliases: ['merge'],
  minRole: 'staff',
  args: [
    { name: 'number', kind: 'opinion-number', required: true },
    { name: 'target', kind: 'opinion-number', required: true },
  ],
  confirm: {
    preview: async (ctx) => {
      const { opinion, target } = await ctx.services.opinions.triage.checkMerge(callerOf(ctx), ctx.args.number!, ctx.args.target!);
      return opinionPreview(ctx, opinion, ctx.t.opinions.replies.preview.merge(opinion.number, target.number));
    },
  },
  texts: (t) => t.opinions.commands.merge,
  handler: async (ctx) => {
    const { opinion, target } = await ctx.services.opinions.triage.merge(callerOf(ctx), ctx.args.number!, ctx.args.target!);
    return ctx.t.opinions.replies.merged(opinion.number, target.number, target.plusOnes.count);
  },
};
