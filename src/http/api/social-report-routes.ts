import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import { YishiError } from '../../core/errors.js';
import type { Actor } from '../../core/roles.js';
import type { Messages } from '../../i18n/messages.js';
import type { MemberRepository } from '../../services/members/member-records.js';
import { instantsOf, readPeriod, type Period } from '../../services/records/periods.js';
import type { RecordsService } from '../../services/records/records-service.js';
import { adoptionFigures } from '../../services/social-reports/adoption.js';
import {
  SOCIAL_REPORT_LEVELS,
  SOCIAL_REPORT_STATES,
  type SocialReportRecord,
} from '../../services/social-reports/social-report-records.js';
import { EDITABLE_STATES, MAX_REPORT_CHARS, NEXT_STATES, reportLength } from '../../services/social-reports/social-report-rules.js';
import type { SocialReportService } from '../../services/social-reports/social-report-service.js';
import { workbenchActor } from '../../services/workbench/workbench-sessions.js';
import { exactRouter } from '../exact-router.js';
import { requesterOf } from '../requester.js';
import { CONTENT_TYPES, toCsv, toXlsx } from './spreadsheet.js';
import { errorResponse, jsonBody, parseWith } from './validation.js';

export interface SocialReportRoutesDeps {
  socialReports: SocialReportService;
  members: MemberRepository;
  records: RecordsService;
  clock: Clock;
  messages: Messages;
  bodyLimitBytes: number;
}

/** Who acts through the API: the signed-in staff member, or the admin token as 管理接口. */
const TOKEN_ACTOR: Actor = { role: 'admin', name: '管理接口', platform: 'admin-api', platformUserId: 'admin-api' };
const actorOf = (ctx: Context): Actor => {
  const requester = requesterOf(ctx);
  return requester.kind === 'session' ? workbenchActor(requester.member) : TOKEN_ACTOR;
};

const text = (max: number) => z.string().trim().min(1, 'is required').max(max);
const editBody = z
  .object({ title: text(200), situation: text(3000), analysis: text(3000), suggestions: text(3000), unit: text(100) })
  .partial()
  .strict();
const stepBody = z
  .object({
    to: z.enum(['edited', 'forwarded', 'adopted', 'not-adopted']),
    level: z.enum(SOCIAL_REPORT_LEVELS).optional(),
    /** 批示 on adoption, the reason when not adopted. */
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
const listQuery = z.object({
  state: z.enum(SOCIAL_REPORT_STATES).optional(),
  member: z.string().trim().min(1).max(100).optional(),
  period: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** `?period=` or `?from=&to=` (Beijing dates); `fallback` when none is given; 400 with a sentence when it does not read. */
function periodOf(ctx: Context, clock: Clock, fallback: string): Period {
  const query = { period: single(ctx.query.period), from: single(ctx.query.from), to: single(ctx.query.to) };
  const asked = query.period !== undefined || query.from !== undefined || query.to !== undefined;
  const period = readPeriod(asked ? query : { period: fallback }, clock.now());
  if (!period)
    throw new YishiError('invalid_request', {
      status: 400,
      userMessage: '请求无效：period 可写 本月、今年、2026、2026-11、2026-Q4 等，或用 from 和 to 写 YYYY-MM-DD（from 不晚于 to）。',
    });
  return period;
}

/**
 * The reporter a signed-in member (or convenor) is limited to: themselves. Staff, admins and the
 * token see every report. route-access.ts lets members reach only the list and the detail.
 */
function ownReportsOnly(ctx: Context): string | undefined {
  const requester = requesterOf(ctx);
  return requester.kind === 'session' && requester.member.role === 'member' ? requester.member.id : undefined;
}

/**
 * A report as the API answers it: the record, its length (and the limit), its state in words, and
 * what staff may do next (the steps allowed from its state; whether the text may still be edited).
 */
function shown(service: SocialReportService, report: SocialReportRecord) {
  return {
    ...report,
    length: reportLength(report),
    maxLength: MAX_REPORT_CHARS,
    stateLabel: service.stateWords(report),
    nextSteps: [...NEXT_STATES[report.state]],
    editable: EDITABLE_STATES.includes(report.state),
  };
}

/**
 * 社情民意信息 for the office (staff, or the admin token): list, read, edit, move on (after a preview
 * worded as chat's confirmation), the adoption KPIs of a period and the export of the year's reports
 * with their fate. Members send reports in chat; signed in to the workbench they list and read their own.
 */
export function socialReportsRouter(deps: SocialReportRoutesDeps): Router {
  const router = exactRouter();
  const { socialReports } = deps;

  router.get('/api/social-reports', async (ctx) => {
    const query = parseWith(listQuery, ctx.query);
    const asked = query.period !== undefined || query.from !== undefined || query.to !== undefined;
    const window = asked ? instantsOf(periodOf(ctx, deps.clock, '今年')) : undefined;
    const author = ownReportsOnly(ctx) ?? query.member;
    const reports = await socialReports.list({
      ...(query.state ? { state: query.state } : {}),
      ...(author ? { authorId: author } : {}),
      ...(window ? { since: window.start, until: window.end } : {}),
    });
    ctx.body = { items: reports.map((r) => shown(socialReports, r)) };
  });

  router.get('/api/social-reports/stats', async (ctx) => {
    const period = periodOf(ctx, deps.clock, '今年');
    const summaries = await deps.records.summaries(period);
    ctx.body = { period, ...adoptionFigures(summaries, deps.messages.records.export.scopes.overall) };
  });

  for (const format of ['csv', 'xlsx'] as const)
    router.get(`/api/social-reports/export.${format}`, async (ctx) => {
      const period = periodOf(ctx, deps.clock, '今年');
      const { start, end } = instantsOf(period);
      const table = await socialReports.exportTable(start, end);
      ctx.type = CONTENT_TYPES[format];
      ctx.set('Content-Disposition', `attachment; filename="social-reports-${period.key}.${format}"`);
      ctx.body = format === 'csv' ? toCsv(table) : await toXlsx(table);
    });

  router.get('/api/social-reports/:number', async (ctx) => {
    const report = await socialReports.load(ctx.params.number!);
    const own = ownReportsOnly(ctx);
    // Someone else's report reads to a member as one that does not exist.
    if (own !== undefined && report.authorId !== own)
      throw new YishiError('social_report_not_found', {
        status: 404,
        userMessage: deps.messages.socialReports.errors.notFound(report.number),
      });
    ctx.body = shown(socialReports, report);
  });

  router.patch('/api/social-reports/:number', async (ctx) => {
    const body = await jsonBody(ctx, editBody, deps.bodyLimitBytes);
    ctx.body = shown(socialReports, await socialReports.edit(actorOf(ctx), ctx.params.number!, body));
  });

  const stepOf = (body: z.infer<typeof stepBody>) => ({
    to: body.to,
    ...(body.level ? { level: body.level } : {}),
    ...(body.note ? { note: body.note } : {}),
  });

  // What the step will do and who is told, in chat's words (社情民意办理's confirmation); changes nothing.
  router.post('/api/social-reports/:number/steps/preview', async (ctx) => {
    const step = stepOf(await jsonBody(ctx, stepBody, deps.bodyLimitBytes));
    const report = await socialReports.checkStep(ctx.params.number!, step);
    const author = (await deps.members.findById(report.authorId))?.name ?? '';
    const described = socialReports.describe(step);
    ctx.body = {
      changes: [deps.messages.socialReports.preview(report.number, report.title, author, described.step, described.note)],
      notified: author ? [author] : [],
    };
  });

  router.post('/api/social-reports/:number/steps', async (ctx) => {
    const body = await jsonBody(ctx, stepBody, deps.bodyLimitBytes);
    ctx.body = shown(socialReports, await socialReports.advance(actorOf(ctx), ctx.params.number!, stepOf(body)));
  });

  return router;
}

const numberParameter = { name: 'number', in: 'path', required: true, schema: { type: 'string', example: 'SQ-2026-0001' } };
const periodParameters = [
  {
    name: 'period',
    in: 'query',
    required: false,
    schema: { type: 'string' },
    description: '今年 (default), 本月, 2026, 2026-11, 2026-Q4…',
  },
  { name: 'from', in: 'query', required: false, schema: { type: 'string', format: 'date' } },
  { name: 'to', in: 'query', required: false, schema: { type: 'string', format: 'date' } },
];
const reportDoc = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    number: { type: 'string' },
    title: { type: 'string' },
    situation: { type: 'string', description: '基本情况' },
    analysis: { type: 'string', description: '原因分析' },
    suggestions: { type: 'string', description: '意见建议' },
    unit: { type: 'string', description: '反映人单位' },
    authorId: { type: 'string' },
    fromOpinion: { type: 'string' },
    state: { type: 'string', enum: [...SOCIAL_REPORT_STATES] },
    stateLabel: { type: 'string', description: '已报送, 已编发, 已上报市政协, 已被市政协采用, 未采用' },
    level: { type: 'string', enum: [...SOCIAL_REPORT_LEVELS] },
    instruction: { type: 'string', description: '批示' },
    reason: { type: 'string' },
    length: { type: 'integer', description: 'Characters, spaces not counted (at most 1,500)' },
    maxLength: { type: 'integer', description: '1500' },
    nextSteps: { type: 'array', items: { type: 'string' }, description: 'Steps staff may take from this state (`to` values)' },
    editable: { type: 'boolean', description: 'Whether the text may still be edited (已报送, 已编发)' },
    steps: { type: 'array', items: { type: 'object' } },
  },
};
const json = (schema: unknown) => ({ 'application/json': { schema } });
const stepDoc = {
  type: 'object',
  required: ['to'],
  additionalProperties: false,
  properties: {
    to: { type: 'string', enum: ['edited', 'forwarded', 'adopted', 'not-adopted'] },
    level: { type: 'string', enum: [...SOCIAL_REPORT_LEVELS] },
    note: { type: 'string', maxLength: 1000, description: '批示 (adopted) or the reason (not-adopted, required)' },
  },
};

export const socialReportsOpenapiPaths = {
  '/api/social-reports': {
    get: {
      summary:
        '社情民意信息: reports, newest first; filter by state, member (id) and period. A signed-in member (or convenor) gets only their own',
      parameters: [
        { name: 'state', in: 'query', required: false, schema: { type: 'string', enum: [...SOCIAL_REPORT_STATES] } },
        { name: 'member', in: 'query', required: false, schema: { type: 'string' } },
        ...periodParameters,
      ],
      responses: {
        200: { description: 'The reports', content: json({ type: 'object', properties: { items: { type: 'array', items: reportDoc } } }) },
        400: errorResponse,
      },
    },
  },
  '/api/social-reports/stats': {
    get: {
      summary: '采用数 / 报送数 / 采用率 of a period: everyone, per sector and per member',
      parameters: periodParameters,
      responses: { 200: { description: 'The figures', content: json({ type: 'object' }) }, 400: errorResponse },
    },
  },
  '/api/social-reports/export.{format}': {
    get: {
      summary: 'The period’s reports with their fate (default this year), as CSV (UTF-8 with BOM) or XLSX',
      parameters: [{ name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['csv', 'xlsx'] } }, ...periodParameters],
      responses: { 200: { description: 'The file' }, 400: errorResponse, 404: errorResponse },
    },
  },
  '/api/social-reports/{number}': {
    get: {
      summary: 'One report with its steps (a signed-in member: only their own; another’s answers 404)',
      parameters: [numberParameter],
      responses: { 200: { description: 'The report', content: json(reportDoc) }, 404: errorResponse },
    },
    patch: {
      summary: 'Edit the text while 已报送 or 已编发 (1,500 characters in all); kept as a step naming the parts changed',
      parameters: [numberParameter],
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          additionalProperties: false,
          properties: {
            title: { type: 'string', maxLength: 200 },
            situation: { type: 'string' },
            analysis: { type: 'string' },
            suggestions: { type: 'string' },
            unit: { type: 'string', maxLength: 100 },
          },
        }),
      },
      responses: {
        200: { description: 'The report', content: json(reportDoc) },
        400: errorResponse,
        404: errorResponse,
        409: errorResponse,
      },
    },
  },
  '/api/social-reports/{number}/steps/preview': {
    post: {
      summary: 'What a step would change and who would be told (chat’s 确认 wording); checked as the step is, nothing changes',
      parameters: [numberParameter],
      requestBody: { required: true, content: json(stepDoc) },
      responses: {
        200: {
          description: 'The preview',
          content: json({
            type: 'object',
            properties: { changes: { type: 'array', items: { type: 'string' } }, notified: { type: 'array', items: { type: 'string' } } },
          }),
        },
        400: errorResponse,
        404: errorResponse,
        409: errorResponse,
      },
    },
  },
  '/api/social-reports/{number}/steps': {
    post: {
      summary: 'Move a report on (已编发, 已上报 to a level, 已采用 by a level with 批示, 未采用 with a reason); the reporter is told',
      parameters: [numberParameter],
      requestBody: { required: true, content: json(stepDoc) },
      responses: {
        200: { description: 'The report', content: json(reportDoc) },
        400: errorResponse,
        404: errorResponse,
        409: errorResponse,
      },
    },
  },
};
