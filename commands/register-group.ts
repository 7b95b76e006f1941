import type { CommandContext, CommandSpec } from './command.js';
import type { Address } from '../src/platforms/types.js';

/** The address that reaches this group chat, or the reason there is none to register. */
function chatAddress(ctx: CommandContext): Address | string {
  const { message, t } = ctx;
  if (message.chat.kind !== 'group') return t.groups.notInGroup;
  // A platform that cannot post to a chat later gives it no address (WeCom: a group robot is added instead).
  return message.chat.address ?? t.groups.wecomUseRobot;
}

/** 登记本群: staff make the group chat they are in (DingTalk) a notice channel of a directory group. */
export const registerGroupCommand: CommandSpec = {
  id: 'register-group',
  name: '登记本群',
  aliases: ['register-group', '登记群'],
  minRole: 'staff',
  args: [
    { name: 'key', kind: 'word', required: true },
    { name: 'name', kind: 'text', required: false },
  ],
  texts: (t) => t.groups.command,
  handler: async (ctx) => {
    const address = chatAddress(ctx);
    if (typeof address === 'string') return address;
    const given = ctx.args.name?.trim() || undefined;
    const chatTitle = ctx.message.chat.title;
    const { outcome, group } = await ctx.services.groups.registerChat(ctx.args.key!, address, {
      ...(given ? { given } : {}),
      ...(chatTitle ? { chatTitle } : {}),
    });
    return ctx.t.groups[outcome](group.name, group.key);
  },
};
