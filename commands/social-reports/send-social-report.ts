import type { CommandContext, CommandSpec } from '../command.js';
import { looksLikeOpinionNumber } from '../../src/core/opinion-number.js';
import type { ReportInput } from '../../src/services/social-reports/social-report-service.js';
import { MAX_REPORT_CHARS, reportLength } from '../../src/services/social-reports/social-report-rules.js';

const inputOf = (ctx: CommandContext): ReportInput => ({
  titleOrNumber: ctx.args.title ?? '',
  situation: ctx.args.situation ?? '',
  analysis: ctx.args.analysis ?? '',
  suggestions: ctx.args.suggestions ?? '',
  unit: ctx.args.unit ?? '',
});

/** 社情民意 [标题|民意编号]: a guided report (基本情况 → 原因分析 → 意见建议 → 单位 → 确认), sent to the office. */
export const sendSocialReportCommand: CommandSpec = {
  id: 'send-social-report',
  name: '社情民意',
  aliases: ['社情民意信息', '报送社情民意', '写社情民意', 'social-report'],
  minRole: 'member',
  args: [
    { name: 'title', kind: 'text', required: true },
    { name: 'situation', kind: 'text', required: true },
    { name: 'analysis', kind: 'text', required: true },
    { name: 'suggestions', kind: 'text', required: true },
    { name: 'unit', kind: 'text', required: true },
  ],
  prompts: {
    title: { ask: (t) => t.socialReports.dialogue.askTitle },
    situation: {
      ask: (t, args) =>
        t.socialReports.dialogue.askSituation(args.title && looksLikeOpinionNumber(args.title) ? args.title.toUpperCase() : undefined),
    },
    analysis: { ask: (t) => t.socialReports.dialogue.askAnalysis },
    suggestions: { ask: (t) => t.socialReports.dialogue.askSuggestions },
    unit: { ask: (t) => t.socialReports.dialogue.askUnit },
  },
  confirmDialogue: async (ctx) => {
    const report = await ctx.services.socialReports.check(ctx.actor, inputOf(ctx));
    return ctx.t.socialReports.dialogue.confirm(
      report.title,
      report.situation,
      report.analysis,
      report.suggestions,
      report.unit,
      report.length,
      MAX_REPORT_CHARS,
    );
  },
  texts: (t) => t.socialReports.commands.send,
  handler: async (ctx) => {
    const report = await ctx.services.socialReports.send(ctx.actor, inputOf(ctx));
    return ctx.t.socialReports.sent(report.number, report.title, reportLength(report));
  },
};
