import type { CommandContext, CommandSpec } from '../command.js';
import type { OutcomeInput } from '../../src/services/outcomes/outcome-service.js';

const inputOf = (ctx: CommandContext): OutcomeInput => ({
  source: ctx.args.source!,
  responsible: { word: ctx.args.responsible! },
  dueDate: ctx.args.due!,
  text: ctx.args.text!,
});

/** 成果登记 <活动编号|民意编号> <责任单位或委员> <完成时限> <内容>: staff enter a 成果 item, after 确认. */
export const addOutcomeCommand: CommandSpec = {
  id: 'add-outcome',
  name: '成果登记',
  aliases: ['登记成果', '协商成果', 'add-outcome'],
  minRole: 'staff',
  args: [
    { name: 'source', kind: 'word', required: true },
    { name: 'responsible', kind: 'word', required: true },
    { name: 'due', kind: 'word', required: true },
    { name: 'text', kind: 'text', required: true },
  ],
  confirm: {
    preview: async (ctx) => {
      const t = ctx.t.outcomes;
      const { item, source, responsibleName } = await ctx.services.outcomes.check(inputOf(ctx));
      const lines = [t.preview(source, item.text, responsibleName, item.dueDate)];
      if (item.opinionNumbers.length > 0) lines.push(t.settles(item.opinionNumbers.join('、')));
      return { change: lines.join('\n'), told: item.responsible.kind === 'member' ? [responsibleName] : [] };
    },
  },
  texts: (t) => t.outcomes.commands.add,
  handler: async (ctx) => {
    const item = await ctx.services.outcomes.create(ctx.actor, inputOf(ctx));
    return ctx.t.outcomes.added(item.number, item.text, item.dueDate);
  },
};
