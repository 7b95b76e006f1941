import type { CommandSpec } from '../command.js';
import { beijingTimeOfDay } from '../../src/core/dates.js';
import { showDate } from '../../src/services/roster/format.js';
import { requireMemberId } from './shared.js';

/** 值班签到: marks the asker's current shift served. */
export const dutyCheckInCommand: CommandSpec = {
  id: 'duty-check-in',
  name: '值班签到',
  aliases: ['签到值班', '到岗', 'checkin'],
  minRole: 'member',
  args: [],
  texts: (t) => t.roster.commands.checkIn,
  handler: async (ctx) => {
    const t = ctx.t.roster.checkIn;
    const memberId = requireMemberId(ctx, ctx.t.roster.myDuty.notMember);
    const result = await ctx.services.roster.checkIn(memberId, ctx.clock.now());
    if (result.status === 'not-on-duty') return t.notOnDuty;
    const { shift } = result;
    const date = showDate(ctx.t, shift.date);
    const slot = ctx.t.roster.slot(shift.slot);
    switch (result.status) {
      case 'served':
        return t.done(date, slot, shift.place);
      case 'already':
        return t.already(date, slot);
      case 'too-early': {
        const { hour, minute } = beijingTimeOfDay(result.opensAt);
        return t.tooEarly(slot, `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
      }
      case 'over':
        return t.over(date, slot);
    }
  },
};
