import type { CommandSpec } from './command.js';
import { opinionPreview } from './opinion-previews.js';
import { callerOf } from './opinion-views.js';

/** 办结: the handler (or staff) records the result, after a confirmation. */
export const resolveOpinionCommand: CommandSpec = {
  id: 'resolve-opinion',
  name: '办结',
  aliases: ['resolve', 'done'],
  minRole: 'member',
  args: [
    { name: 'number', kind: 'opinion-number', required: true },
    { name: 'result', kind: 'text', required: true },
  ],
  confirm: {
    preview: async (ctx) => {
      const opinion = await ctx.services.opinions.closing.checkResolve(callerOf(ctx), ctx.args.number!);
      return opinionPreview(ctx, opinion, ctx.t.opinions.replies.preview.resolve(opinion.number, ctx.args.result!));
    },
  },
  texts: (t) => t.opinions.commands.resolve,
  handler: async (ctx) => {
    const opinion = await ctx.services.opinions.closing.resolve(callerOf(ctx), ctx.args.number!, ctx.args.result!);
    return ctx.t.opinions.replies.resolved(opinion.number);
  },
};
