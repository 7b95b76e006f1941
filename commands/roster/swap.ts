import type { CommandSpec } from '../command.js';
import { showDate } from '../../src/services/roster/format.js';
import { argDay, requireMemberId, resolveMember } from './shared.js';

/** 换班 <日期> <委员>: asks another member to take one of the asker's shifts. */
export const swapCommand: CommandSpec = {
  id: 'swap-shift',
  name: '换班',
  aliases: ['swap', '代班', '调班'],
  minRole: 'member',
  args: [
    { name: 'when', kind: 'date', required: true },
    { name: 'member', kind: 'member', required: true },
  ],
  confirm: {
    preview: async (ctx) => {
      requireMemberId(ctx, ctx.t.roster.swap.notMember);
      const toMemberId = await resolveMember(ctx, ctx.args.member);
      const toName = (await ctx.services.members.findById(toMemberId))?.name ?? '';
      return { change: ctx.t.roster.swap.preview(toName, showDate(ctx.t, argDay(ctx, 'when')!)), told: [toName] };
    },
  },
  texts: (t) => t.roster.commands.swap,
  handler: async (ctx) => {
    const memberId = requireMemberId(ctx, ctx.t.roster.swap.notMember);
    const date = argDay(ctx, 'when')!;
    const toMemberId = await resolveMember(ctx, ctx.args.member);
    const { shift, toName } = await ctx.services.roster.swaps.request(memberId, date, toMemberId, ctx.clock.now());
    return ctx.t.roster.swap.asked(toName, showDate(ctx.t, shift.date), ctx.t.roster.slot(shift.slot));
  },
};
