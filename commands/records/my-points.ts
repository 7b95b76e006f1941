import type { CommandSpec } from '../command.js';
import { PERIOD_WORDS, type PeriodWord } from '../../src/services/records/periods.js';
import { periodLabel } from '../../src/services/records/format.js';
import { renderPoints } from '../../src/services/points/points-format.js';

/**
 * 我的积分 [本月|本季度|今年]: the member's own 履职积分 with the items behind every point (default:
 * this year). Points are personal: asked in a group, they go to the member in private.
 */
export const myPointsCommand: CommandSpec = {
  id: 'my-points',
  name: '我的积分',
  aliases: ['履职积分', '积分', 'my-points'],
  minRole: 'member',
  args: [{ name: 'period', kind: 'choice', required: false, choices: PERIOD_WORDS }],
  texts: (t) => t.points.command,
  handler: async (ctx) => {
    const period = ctx.services.records.period((ctx.args.period ?? '今年') as PeriodWord);
    const sheet = await ctx.services.points.forMember(ctx.actor.memberId!, period);
    const text = renderPoints(ctx.t, ctx.actor.name, periodLabel(ctx.t, period), sheet);
    if (ctx.message.chat.kind === 'direct') return text;
    await ctx.services.notifier.notify(
      { kind: 'member', memberId: ctx.actor.memberId! },
      { text, format: 'text' },
      { idempotencyKey: `my-points:${ctx.message.platform}:${ctx.message.messageId}` },
    );
    return ctx.t.points.inPrivate;
  },
};
