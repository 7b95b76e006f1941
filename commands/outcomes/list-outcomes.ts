import type { CommandSpec } from '../command.js';
import { looksLikeOpinionNumber, normalizeOpinionNumber } from '../../src/core/opinion-number.js';
import { beijingYear } from '../../src/core/dates.js';
import type { OutcomeRecord } from '../../src/services/outcomes/outcome-records.js';

/** 成果列表 [活动编号|民意编号|逾期]: the items being delivered, those of an event or opinion, or the overdue ones. */
export const listOutcomesCommand: CommandSpec = {
  id: 'list-outcomes',
  name: '成果列表',
  aliases: ['成果落实情况', 'outcomes'],
  minRole: 'member',
  readOnly: true,
  args: [{ name: 'which', kind: 'word', required: false }],
  texts: (t) => t.outcomes.commands.list,
  handler: async (ctx) => {
    const t = ctx.t.outcomes;
    const outcomes = ctx.services.outcomes;
    const which = (ctx.args.which ?? '').trim();
    let items: OutcomeRecord[];
    if (!which) items = await outcomes.list({ states: ['in-progress'] });
    else if (t.overdueWords.includes(which)) items = await outcomes.overdue();
    else if (looksLikeOpinionNumber(which))
      items = await outcomes.forOpinion(normalizeOpinionNumber(which, beijingYear(ctx.clock.now())) ?? which.toUpperCase());
    else items = await outcomes.forEvent((await ctx.services.events.catalog.findEvent(which)).id);
    if (items.length === 0) return t.listNone;
    return [t.listTitle(items.length), ...(await Promise.all(items.map((item) => outcomes.line(item))))].join('\n');
  },
};
