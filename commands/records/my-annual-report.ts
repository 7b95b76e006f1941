import type { CommandSpec } from '../command.js';
import { beijingYear } from '../../src/core/dates.js';

/**
 * 我的述职表: how a member gets their 年度履职报告 (a Word file generated from the record): a
 * one-time sign-in link to the workbench, where “我的履职” downloads it. The link is a credential,
 * so in a group Yishi says it answers in private and sends it 1:1. Not read-only: issuing the link
 * writes a ticket (as 工作台 does), and in a group it sends a private message.
 */
export const myAnnualReportCommand: CommandSpec = {
  id: 'my-annual-report',
  name: '我的述职表',
  aliases: ['述职表', '年度履职报告', 'annual-report'],
  minRole: 'member',
  args: [],
  texts: (t) => t.annualReport.command,
  handler: async (ctx) => {
    const member = { id: ctx.actor.memberId!, name: ctx.actor.name };
    const link = ctx.t.workbench.link(await ctx.services.workbench.issueTicket(member));
    const text = ctx.t.annualReport.howTo(beijingYear(ctx.clock.now()), link);
    if (ctx.message.chat.kind === 'direct') return text;
    await ctx.services.notifier.notify(
      { kind: 'member', memberId: member.id },
      { text, format: 'text' },
      { idempotencyKey: `my-annual-report:${ctx.message.platform}:${ctx.message.messageId}` },
    );
    return ctx.t.annualReport.inPrivate;
  },
};
