import type { CommandContext, CommandSpec } from '../command.js';
import { YishiError } from '../../src/core/errors.js';
import { readLevelWord, readStateWord } from '../../src/services/social-reports/social-report-rules.js';
import type { ReportStepInput } from '../../src/services/social-reports/social-report-service.js';

/** Reads `已上报 市`, `已采用 市 批示…`, `未采用 原因`, `已编发` into a step. */
function stepOf(ctx: CommandContext): ReportStepInput {
  const t = ctx.t.socialReports;
  const word = ctx.args.step!;
  const to = readStateWord(word);
  if (!to) throw new YishiError('social_report_step_unknown', { userMessage: t.errors.stepUnknown(word), status: 400 });
  const rest = (ctx.args.rest ?? '').trim();
  if (to !== 'forwarded' && to !== 'adopted') return { to, ...(rest ? { note: rest } : {}) };
  if (!rest) return { to };
  const [levelWord = '', ...note] = rest.split(/\s+/);
  const level = readLevelWord(levelWord);
  if (!level) throw new YishiError('social_report_level_unknown', { userMessage: t.errors.levelUnknown(levelWord), status: 400 });
  return { to, level, ...(note.length ? { note: note.join(' ') } : {}) };
}

/** 社情民意办理 <编号> <已编发|已上报 级别|已采用 级别 [批示]|未采用 原因>: staff move a report on, after 确认. */
export const handleSocialReportCommand: CommandSpec = {
  id: 'handle-social-report',
  name: '社情民意办理',
  aliases: ['办理社情民意', 'handle-social-report'],
  minRole: 'staff',
  args: [
    { name: 'number', kind: 'word', required: true },
    { name: 'step', kind: 'word', required: true },
    { name: 'rest', kind: 'text', required: false },
  ],
  confirm: {
    preview: async (ctx) => {
      const step = stepOf(ctx);
      const reports = ctx.services.socialReports;
      const report = await reports.checkStep(ctx.args.number!, step);
      const author = (await ctx.services.members.findById(report.authorId))?.name ?? '';
      const described = reports.describe(step);
      return { change: ctx.t.socialReports.preview(report.number, report.title, author, described.step, described.note), told: [author] };
    },
  },
  texts: (t) => t.socialReports.commands.handle,
  handler: async (ctx) => {
    const step = stepOf(ctx);
    const report = await ctx.services.socialReports.advance(ctx.actor, ctx.args.number!, step);
    return ctx.t.socialReports.done(report.number, report.title, ctx.services.socialReports.describe(step).step);
  },
};
