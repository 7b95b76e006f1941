import type { CommandSpec } from './command.js';
import { opinionPreview } from './opinion-previews.js';
import { callerOf } from './opinion-views.js';

/** 分派: staff give an opinion to a member (by @-mention or name); the member is told 1:1. */
export const assignOpinionCommand: CommandSpec = {
  id: 'assign-opinion',
  name: '分派',
  aliases: ['assign'],
  minRole: 'staff',
  args: [
    { name: 'number', kind: 'opinion-number', required: true },
    { name: 'member', kind: 'member', required: true },
  ],
  confirm: {
    preview: async (ctx) => {
      const opinion = await ctx.services.opinions.load(ctx.args.number!);
      const handler = ctx.args.member ? await ctx.services.members.findById(ctx.args.member) : null;
      const change = ctx.t.opinions.replies.preview.assign(opinion.number, handler?.name ?? ctx.args.member ?? '');
      return opinionPreview(ctx, opinion, change, { handlerId: handler?.id });
    },
  },
  texts: (t) => t.opinions.commands.assign,
  handler: async (ctx) => {
    const memberId = ctx.args.member;
    const opinion = await ctx.services.opinions.triage.assign(callerOf(ctx), ctx.args.number!, memberId, memberId ?? '');
    const handler = await ctx.services.members.findById(opinion.handlerId!);
    return ctx.t.opinions.replies.assigned(opinion.number, handler?.name ?? '');
  },
};
