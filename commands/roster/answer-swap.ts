import type { CommandSpec } from '../command.js';
import { showDate } from '../../src/services/roster/format.js';
import { argDay, requireMemberId } from './shared.js';

/**
 * 同意 / 拒绝 [日期]: the asked member's answer to a swap request. (确认/取消 belong to command
 * confirmations; a swap answer is a different act, so it has its own words.)
 */
function answerCommand(agree: boolean): CommandSpec {
  return {
    id: agree ? 'swap-agree' : 'swap-refuse',
    name: agree ? '同意' : '拒绝',
    aliases: agree ? ['同意换班', '同意代班', 'agree'] : ['拒绝换班', '拒绝代班', 'refuse'],
    minRole: 'member',
    args: [{ name: 'when', kind: 'date', required: false }],
    // 同意 changes the roster (the asker and the office are told); 拒绝 only answers the asker.
    ...(agree
      ? {
          confirm: {
            preview: async (ctx) => {
              const memberId = requireMemberId(ctx, ctx.t.roster.swap.notMember);
              const asked = await ctx.services.roster.swaps.pending(memberId, argDay(ctx, 'when'), ctx.clock.now());
              const t = ctx.t.roster.answer;
              return {
                change: t.preview(asked.fromName, showDate(ctx.t, asked.date), ctx.t.roster.slot(asked.slot)),
                told: [asked.fromName, t.staffGroup],
              };
            },
          },
        }
      : {}),
    texts: (t) => (agree ? t.roster.commands.agree : t.roster.commands.refuse),
    handler: async (ctx) => {
      const t = ctx.t.roster.answer;
      const memberId = requireMemberId(ctx, ctx.t.roster.swap.notMember);
      const result = await ctx.services.roster.swaps.answer(memberId, agree, argDay(ctx, 'when'), ctx.clock.now());
      if (result.status === 'changed') return t.changed;
      if (result.status === 'refused') return t.refused(result.fromName);
      const { shift } = result;
      return t.agreed(result.fromName, showDate(ctx.t, shift.date), ctx.t.roster.slot(shift.slot), shift.place);
    },
  };
}

export const agreeSwapCommand = answerCommand(true);
export const refuseSwapCommand = answerCommand(false);
