import type { CommandSpec } from './command.js';
import { callerOf } from './opinion-views.js';

/** 查看联系方式: for the assigned handler and staff only; recorded in the audit trail. */
export const revealContactCommand: CommandSpec = {
  id: 'reveal-contact',
  name: '查看联系方式',
  aliases: ['contact'],
  minRole: 'member',
  args: [{ name: 'number', kind: 'opinion-number', required: true }],
  texts: (t) => t.opinions.commands.contact,
  handler: async (ctx) => {
    const t = ctx.t.opinions.replies;
    const { opinion, contact } = await ctx.services.opinions.closing.revealContact(callerOf(ctx), ctx.args.number!);
    return t.contact(opinion.number, contact.name ?? t.unknownContact, contact.phone ?? t.unknownContact);
  },
};
