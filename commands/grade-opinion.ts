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
  texts: (t) => t.opinions.commands.grade,
  handler: async (ctx) => {
    const t = ctx.t.opinions;
    const grade = t.gradeWords[ctx.args.grade!]!;
    const opinion = await ctx.services.opinions.triage.grade(callerOf(ctx), ctx.args.number!, grade);
    return t.replies.graded(opinion.number, t.grades[grade] ?? grade, deadlineText(ctx, opinion));
  },
};
