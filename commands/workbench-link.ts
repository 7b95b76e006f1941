import type { CommandSpec } from './command.js';

/**
 * 工作台 / 登录: a link that signs the member in to the web workbench once, within 10 minutes. The
 * link is a credential, so it never appears in a group: there Yishi says it comes in private and
 * sends it 1:1.
 */
export const workbenchLinkCommand: CommandSpec = {
  id: 'workbench-link',
  name: '工作台',
  aliases: ['登录', 'workbench', 'login'],
  minRole: 'member',
  args: [],
  texts: (t) => t.workbench.command,
  handler: async (ctx) => {
    const t = ctx.t.workbench;
    const member = { id: ctx.actor.memberId!, name: ctx.actor.name };
    const link = t.link(await ctx.services.workbench.issueTicket(member));
    if (ctx.message.chat.kind === 'direct') return link;
    await ctx.services.notifier.notify(
      { kind: 'member', memberId: member.id },
      { text: link, format: 'text' },
      { idempotencyKey: `workbench-link:${ctx.message.platform}:${ctx.message.messageId}` },
    );
    return t.linkInPrivate;
  },
};
