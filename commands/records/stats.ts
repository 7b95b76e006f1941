import type { CommandSpec } from '../command.js';
import { PERIOD_WORDS, type PeriodWord } from '../../src/services/records/periods.js';

/** 统计 [本月|上月|本季度|今年]: the committee's five rates, overall, by sector and by community. */
export const statsCommand: CommandSpec = {
  id: 'stats',
  name: '统计',
  aliases: ['stats', '数据统计'],
  minRole: 'staff',
  readOnly: true,
  args: [{ name: 'period', kind: 'choice', required: false, choices: PERIOD_WORDS }],
  texts: (t) => t.records.commands.stats,
  handler: async (ctx) => ctx.services.records.statsText(ctx.services.records.period((ctx.args.period ?? '本月') as PeriodWord)),
};
