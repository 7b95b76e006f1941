import type { CommandSpec } from './command.js';
import { opinionPreview } from './opinion-previews.js';
import { callerOf } from './opinion-views.js';

/** 当场办结: the member receiving residents solved it on the spot. */
export const resolveOnSpotCommand: CommandSpec = {
  id: 'resolve-on-spot',
  name: '当场办结',
  aliases: ['resolve-now', 'on-the-spot'],
  minRole: 'member',
  args: [
    { name: 'number', kind: 'opinion-number', required: true },
    { name: 'result', kind: 'text', required: true },
  ],
  confirm: {
    preview: async (ctx) => {
      const opinion = await ctx.services.opinions.load(ctx.args.number!);
      return opinionPreview(ctx, opinion, ctx.t.opinions.replies.preview.resolveOnSpot(opinion.number, ctx.args.result!));
    },
  },
  texts: (t) => t.opinions.commands.resolveOnSpot,
  handler: async (ctx) => {
    const opinion = await ctx.services.opinions.closing.resolveOnSpot(callerOf(ctx), ctx.args.number!, ctx.args.result!);
    return ctx.t.opinions.replies.resolvedOnSpot(opinion.number);
  },
};
