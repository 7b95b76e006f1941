import type { CommandSpec } from '../command.js';
import { requireMemberId } from './shared.js';

/** 取消报名 <编号>: withdraws the asker's sign-up and its pending reminders. */
export const cancelSignUpCommand: CommandSpec = {
  id: 'event-cancel-sign-up',
  name: '取消报名',
  aliases: ['退出报名', 'event-cancel-signup'],
  minRole: 'member',
  args: [{ name: 'number', kind: 'word', required: true }],
  texts: (t) => t.events.commands.cancelSignUp,
  handler: async (ctx) => {
    const memberId = requireMemberId(ctx);
    const event = await ctx.services.events.attendance.cancelSignUp(ctx.args.number!, memberId);
    return ctx.t.events.cancelSignUp.ok(event.title);
  },
};
