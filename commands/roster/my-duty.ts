import type { CommandSpec } from '../command.js';
import { showDate, showHours } from '../../src/services/roster/format.js';
import { requireMemberId } from './shared.js';

/** 我的值班: the asker's next shifts. */
export const myDutyCommand: CommandSpec = {
  id: 'my-duty',
  name: '我的值班',
  aliases: ['myduty', '我哪天值班', '我什么时候值班', '我的排班'],
  minRole: 'member',
  readOnly: true,
  args: [],
  texts: (t) => t.roster.commands.myDuty,
  handler: async (ctx) => {
    const t = ctx.t.roster.myDuty;
    const memberId = requireMemberId(ctx, t.notMember);
    const shifts = await ctx.services.roster.upcomingFor(memberId, ctx.clock.now());
    if (shifts.length === 0) return t.none;
    return t.list(shifts.map((shift) => t.item(showDate(ctx.t, shift.date), ctx.t.roster.slot(shift.slot), showHours(shift), shift.place)));
  },
};
