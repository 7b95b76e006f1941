import type { CommandContext, CommandSpec } from '../command.js';
import type { OutcomeExtensionInput } from '../../src/services/outcomes/outcome-extension.js';

const inputOf = (ctx: CommandContext): OutcomeExtensionInput => ({ dueDate: ctx.args.due!, reason: ctx.args.reason ?? '' });

/**
 * 成果延期 <成果编号> <新的完成时限> <延期原因>: staff put back an item's due date, after 确认. Staff
 * only, as 成果办理: the responsible member is the one supervised, so they ask the office.
 */
export const extendOutcomeCommand: CommandSpec = {
  id: 'extend-outcome',
  name: '成果延期',
  aliases: ['延期成果', '成果时限延期', 'extend-outcome'],
  minRole: 'staff',
  args: [
    { name: 'number', kind: 'word', required: true },
    { name: 'due', kind: 'word', required: true },
    { name: 'reason', kind: 'text', required: false },
  ],
  confirm: {
    preview: async (ctx) => {
      const { changes, notified } = await ctx.services.outcomes.extensionPreview(ctx.args.number!, inputOf(ctx));
      return { change: changes.join('\n'), told: notified };
    },
  },
  texts: (t) => t.outcomes.commands.extend,
  handler: async (ctx) => {
    const item = await ctx.services.outcomes.extend(ctx.actor, ctx.args.number!, inputOf(ctx));
    return ctx.t.outcomes.extended(item.number, item.dueDate, item.extensions ?? 1);
  },
};
