import type { CommandSpec } from '../command.js';
import { CHECK_IN_OPENS_BEFORE_MS } from '../../src/services/events/event-attendance.js';
import { formatClock } from '../../src/services/events/event-format.js';
import { eventPrompt, requireMemberId } from './shared.js';

/** 签到 <编号>: records attendance, from 30 minutes before the start until the end. */
export const eventCheckInCommand: CommandSpec = {
  id: 'event-check-in',
  name: '签到',
  aliases: ['活动签到', 'event-checkin'],
  minRole: 'member',
  args: [{ name: 'number', kind: 'word', required: true }],
  prompts: {
    number: eventPrompt(
      (t) => t.events.ask.checkIn,
      (event, now) =>
        event.state !== 'cancelled' && now.getTime() >= event.startAt.getTime() - CHECK_IN_OPENS_BEFORE_MS && now <= event.endAt,
    ),
  },
  texts: (t) => t.events.commands.checkIn,
  handler: async (ctx) => {
    const memberId = requireMemberId(ctx);
    const { event, at } = await ctx.services.events.attendance.checkIn(ctx.args.number!, memberId);
    return ctx.t.events.checkIn.ok(event.title, formatClock(at));
  },
};
