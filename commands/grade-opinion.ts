import type { CommandSpec } from './command.js';
import { callerOf, deadlineText } from './opinion-views.js';

/** 分级: staff set simple / general / complex (the time limit follows). */
export const gradeOpinionCommand: CommandSpec = {
  id: 'grade-opinion',
  name: '分级',
  aliases: ['grade'],
  minRole: 'staff',
  args: [
    { name: 'number', kind: 'opinion-number', required: true },
    { name: 'grade', kind: 'choice', required: true, choices: ['简易', '当场', '一般', '复杂', 'simple', 'general', 'complex'] },
  ],
  confirm: {
    preview: async (ctx) => {
      const t = ctx.t.opinions;
      const opinion = await ctx.services.opinions.load(ctx.args.number!);
      const grade = t.gradeWords[ctx.args.grade!]!;
      // 分级 sends no notice: the new time limit is recorded and the handler sees it in 待办.
      return { change: t.replies.preview.grade(opinion.number, t.grades[grade] ?? grade), told: [] };
    },
  },
  texts: (t) => t.opinions.commands.grade,
  handler: async (ctx) => {
    const t = ctx.t.opinions;
    const grade = t.gradeWords[ctx.args.grade!]!;
    const opinion = await ctx.services.opinions.triage.grade(callerOf(ctx), ctx.args.number!, grade);
    return t.replies.graded(opinion.number, t.grades[grade] ?? grade, deadlineText(ctx, opinion));
  },
};
