import type { CommandSpec } from './command.js';
import { opinionPreview } from './opinion-previews.js';
import { callerOf, deadlineText } from './opinion-views.js';

/** 受理: staff or the member on duty accept; the assigned handler's 受理 starts the work. */
export const acceptOpinionCommand: CommandSpec = {
  id: 'accept-opinion',
  name: '受理',
  aliases: ['accept'],
  minRole: 'member',
  args: [{ name: 'number', kind: 'opinion-number', required: true }],
  confirm: {
    preview: async (ctx) => {
      const opinion = await ctx.services.opinions.load(ctx.args.number!);
      const p = ctx.t.opinions.replies.preview;
      const starting = opinion.state === 'assigned' && opinion.handlerId !== undefined && opinion.handlerId === ctx.actor.memberId;
      return opinionPreview(ctx, opinion, starting ? p.start(opinion.number) : p.accept(opinion.number));
    },
  },
  texts: (t) => t.opinions.commands.accept,
  handler: async (ctx) => {
    const opinion = await ctx.services.opinions.triage.accept(callerOf(ctx), ctx.args.number!);
    const t = ctx.t.opinions.replies;
    return opinion.state === 'in_progress' ? t.started(opinion.number) : t.accepted(opinion.number, deadlineText(ctx, opinion));
  },
};
