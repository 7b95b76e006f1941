import type { CommandSpec } from '../command.js';

/** 社情民意列表: staff see the reports still being handled, oldest first. */
export const openSocialReportsCommand: CommandSpec = {
  id: 'open-social-reports',
  name: '社情民意列表',
  aliases: ['社情民意待办', 'social-reports'],
  readOnly: true,
  minRole: 'staff',
  args: [],
  texts: (t) => t.socialReports.commands.open,
  handler: async (ctx) => {
    const t = ctx.t.socialReports;
    const reports = await ctx.services.socialReports.open();
    if (reports.length === 0) return t.noneOpen;
    const lines = await Promise.all(
      reports.map(async (r) =>
        t.line(r.number, r.title, ctx.services.socialReports.stateWords(r), (await ctx.services.members.findById(r.authorId))?.name ?? ''),
      ),
    );
    return t.openList(lines);
  },
};
