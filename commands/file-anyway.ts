import type { CommandSpec } from './command.js';
import { callerOf } from './opinion-views.js';

/** 仍要提交: file the text kept when a similar opinion was offered. */
export const fileAnywayCommand: CommandSpec = {
  id: 'file-anyway',
  name: '仍要提交',
  aliases: ['file-anyway'],
  minRole: 'resident',
  args: [],
  texts: (t) => t.opinions.commands.fileAnyway,
  handler: async (ctx) => {
    const t = ctx.t.opinions;
    const result = await ctx.services.opinions.fileAnyway(callerOf(ctx));
    if (result.kind === 'similar') return t.replies.similar(result.similar.number, result.summary, result.similar.plusOnes.count);
    const o = result.opinion;
    const filed = t.replies.filed(o.number, o.community ?? t.unknownCommunity, o.category ?? t.unclassified);
    return result.onDutyNotified ? `${filed}\n${t.replies.filedOnDuty}` : filed;
  },
};
