import type { CommandSpec } from './command.js';
import { callerOf } from './opinion-views.js';

/**
 * 评价 编号 满意|基本满意|不满意 [理由]: the filer rates the result, and what they say is kept and
 * sent to the handler; 不满意 within the reopening window sends it back.
 */
export const rateOpinionCommand: CommandSpec = {
  id: 'rate-opinion',
  name: '评价',
  aliases: ['rate'],
  minRole: 'resident',
  args: [
    { name: 'number', kind: 'opinion-number', required: true },
    { name: 'rating', kind: 'choice', required: true, choices: ['满意', '基本满意', '不满意', 'satisfied', 'ok', 'unsatisfied'] },
    { name: 'reason', kind: 'text', required: false },
  ],
  texts: (t) => t.opinions.commands.rate,
  handler: async (ctx) => {
    const t = ctx.t.opinions;
    const rating = t.ratingWords[ctx.args.rating!]!;
    const opinion = await ctx.services.opinions.closing.rate(callerOf(ctx), ctx.args.number!, rating, ctx.args.reason);
    return opinion.state === 'closed' ? t.replies.rated(opinion.number, t.ratings[rating] ?? rating) : t.replies.sentBack(opinion.number);
  },
};
