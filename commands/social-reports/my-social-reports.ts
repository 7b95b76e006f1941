import type { CommandSpec } from '../command.js';

/** 我的社情民意: the member's own reports and how far each went. */
export const mySocialReportsCommand: CommandSpec = {
  id: 'my-social-reports',
  name: '我的社情民意',
  aliases: ['my-social-reports'],
  readOnly: true,
  minRole: 'member',
  args: [],
  texts: (t) => t.socialReports.commands.mine,
  handler: async (ctx) => {
    const t = ctx.t.socialReports;
    const reports = await ctx.services.socialReports.mine(ctx.actor.memberId!);
    if (reports.length === 0) return t.noneOfMine;
    return t.mineList(reports.map((r) => t.line(r.number, r.title, ctx.services.socialReports.stateWords(r), '')));
  },
};
