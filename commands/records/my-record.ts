import type { CommandSpec } from '../command.js';
import { PERIOD_WORDS, type PeriodWord } from '../../src/services/records/periods.js';

/** 我的履职 [本月|本季度|今年]: the member's own record as a compact card (default: this month). */
export const myRecordCommand: CommandSpec = {
  id: 'my-record',
  name: '我的履职',
  aliases: ['我的档案', '履职档案', 'my-record'],
  minRole: 'member',
  readOnly: true,
  args: [{ name: 'period', kind: 'choice', required: false, choices: PERIOD_WORDS }],
  texts: (t) => t.records.commands.myRecord,
  handler: async (ctx) => {
    const period = ctx.services.records.period((ctx.args.period ?? '本月') as PeriodWord);
    return (await ctx.services.records.card(ctx.actor.memberId!, period)) ?? ctx.t.core.apology;
  },
};
