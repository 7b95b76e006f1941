import type { CommandSpec } from '../command.js';
import { formatWhen } from '../../src/services/events/event-format.js';
import { eventPrompt, requireMemberId } from './shared.js';

/** 报名 <编号>: signs the asker up while seats are left; reminders follow 1:1. */
export const signUpCommand: CommandSpec = {
  id: 'event-sign-up',
  name: '报名',
  aliases: ['活动报名', '报名活动', 'event-signup'],
  minRole: 'member',
  args: [{ name: 'number', kind: 'word', required: true }],
  prompts: {
    number: eventPrompt(
      (t) => t.events.ask.signUp,
      (event, now) => event.state === 'open' && event.startAt > now,
    ),
  },
  texts: (t) => t.events.commands.signUp,
  handler: async (ctx) => {
    const memberId = requireMemberId(ctx);
    const event = await ctx.services.events.attendance.signUp(ctx.args.number!, memberId);
    return ctx.t.events.signUp.ok(event.number, event.title, formatWhen(ctx.t, event), event.place);
  },
};
