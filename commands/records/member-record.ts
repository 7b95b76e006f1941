import type { CommandSpec } from '../command.js';
import { PERIOD_WORDS, type PeriodWord } from '../../src/services/records/periods.js';

/** 履职 <委员> [本月|本季度|今年]: staff read any member's record. */
export const memberRecordCommand: CommandSpec = {
  id: 'member-record',
  name: '履职',
  aliases: ['member-record'],
  minRole: 'staff',
  readOnly: true,
  args: [
    { name: 'member', kind: 'member', required: true },
    { name: 'period', kind: 'choice', required: false, choices: PERIOD_WORDS },
  ],
  texts: (t) => t.records.commands.memberRecord,
  handler: async (ctx) => {
    const period = ctx.services.records.period((ctx.args.period ?? '本月') as PeriodWord);
    return (await ctx.services.records.card(ctx.args.member!, period)) ?? ctx.t.core.memberNotFound(ctx.args.member!);
  },
};
