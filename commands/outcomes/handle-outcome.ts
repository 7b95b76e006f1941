import type { CommandContext, CommandSpec } from '../command.js';
import { YishiError } from '../../src/core/errors.js';
import type { OutcomeStepInput } from '../../src/services/outcomes/outcome-service.js';

/** Reads `已落实 [说明]` or `未落实 原因` into a step. */
function stepOf(ctx: CommandContext): OutcomeStepInput {
  const word = ctx.args.step!;
  const to = ctx.services.outcomes.readStateWord(word);
  if (!to) throw new YishiError('outcome_step_unknown', { userMessage: ctx.t.outcomes.errors.stepUnknown(word), status: 400 });
  const note = (ctx.args.note ?? '').trim();
  return { to, ...(note ? { note } : {}) };
}

/**
 * 成果办理 <成果编号> <已落实 [说明]|未落实 原因|重新落实 原因>: staff settle an item, or take one settled
 * by mistake back to 落实中, after 确认; filers are told of delivery.
 */
export const handleOutcomeCommand: CommandSpec = {
  id: 'handle-outcome',
  name: '成果办理',
  aliases: ['成果落实', '办理成果', 'handle-outcome'],
  minRole: 'staff',
  args: [
    { name: 'number', kind: 'word', required: true },
    { name: 'step', kind: 'word', required: true },
    { name: 'note', kind: 'text', required: false },
  ],
  confirm: {
    preview: async (ctx) => {
      const { changes, notified } = await ctx.services.outcomes.stepPreview(ctx.args.number!, stepOf(ctx));
      return { change: changes.join('\n'), told: notified };
    },
  },
  texts: (t) => t.outcomes.commands.handle,
  handler: async (ctx) => {
    const item = await ctx.services.outcomes.advance(ctx.actor, ctx.args.number!, stepOf(ctx));
    const t = ctx.t.outcomes;
    return item.state === 'in-progress' ? t.reopened(item.number, item.dueDate) : t.done(item.number, t.states[item.state]);
  },
};
