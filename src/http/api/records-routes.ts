import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { exactRouter } from '../exact-router.js';
import type { Clock } from '../../core/clock.js';
import { YishiError } from '../../core/errors.js';
import type { Messages } from '../../i18n/messages.js';
import { RATE_VIEWS, type ExportName, type RecordsExports } from '../../services/records/exports.js';
import { readPeriod, type Period } from '../../services/records/periods.js';
import { percent, type RateSet, type Ratio } from '../../services/records/rates.js';
import type { RecordsService } from '../../services/records/records-service.js';
import type { OpenApiPaths } from './openapi.js';
import { CONTENT_TYPES, toCsv, toXlsx } from './spreadsheet.js';
import { errorResponse, parseWith } from './validation.js';

const FILE = /^(opinions|records|rates)\.(csv|xlsx)$/;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const exportQuery = z.object({
  view: z.enum(RATE_VIEWS).optional(),
  member: z.string().trim().min(1).max(100).optional(),
});

export interface RecordsRoutesDeps {
  clock: Clock;
  messages: Messages;
  records: RecordsService;
  exports: RecordsExports;
}

/** A ratio as the API shows it: the counts and the rounded percentage the chat shows (null over nothing). */
const ratioOut = (ratio: Ratio) => ({ num: ratio.num, den: ratio.den, percent: percent(ratio) });
const ratesOut = (rates: RateSet) => ({
  response: ratioOut(rates.response),
  onTime: ratioOut(rates.onTime),
  resolution: ratioOut(rates.resolution),
  satisfaction: ratioOut(rates.satisfaction),
  ...(rates.participation ? { participation: ratioOut(rates.participation) } : {}),
});
const periodOut = (period: Period) => ({ key: period.key, kind: period.kind, from: period.from, to: period.to });

/**
 * The records API (履职档案 and 统计) for the workbench and machines, and the exports under
 * `/api/export`: `opinions`, `records` and `rates` as `.csv` (UTF-8 with BOM, opens in Excel) or
 * `.xlsx`. Every route takes `?period=` (本月, 上月, 本季度, 今年, 2026-11, 2026-Q4, 2026, 2026-W48)
 * or `?from=YYYY-MM-DD&to=YYYY-MM-DD` (Beijing dates, both included). Default: this month.
 */
export function recordsRouter(deps: RecordsRoutesDeps): Router {
  const router = exactRouter();
  const periodOf = (ctx: Context): Period => {
    const query = { period: single(ctx.query.period), from: single(ctx.query.from), to: single(ctx.query.to) };
    const asked = query.period !== undefined || query.from !== undefined || query.to !== undefined;
    const period = readPeriod(asked ? query : { period: '本月' }, deps.clock.now());
    if (!period) throw new YishiError('invalid_request', { status: 400, userMessage: deps.messages.http.errors.period_invalid });
    return period;
  };

  router.get('/api/records/rates', async (ctx) => {
    const period = periodOf(ctx);
    const report = await deps.records.rates(period);
    ctx.body = {
      period: periodOut(period),
      overall: ratesOut(report.overall),
      bySector: report.bySector.map((s) => ({ name: s.name, rates: ratesOut(s.rates) })),
      byCommunity: report.byCommunity.map((c) => ({ name: c.name, rates: ratesOut(c.rates) })),
      byMember: report.byMember.map((m) => ({ id: m.id, name: m.name, sector: m.sector, rates: ratesOut(m.rates) })),
    };
  });

  router.get('/api/records/rates/weekly', async (ctx) => {
    const period = periodOf(ctx);
    const weeks = await deps.records.weeklyRates(period);
    ctx.body = { period: periodOut(period), weeks: weeks.map((w) => ({ ...periodOut(w.period), rates: ratesOut(w.rates) })) };
  });

  router.get('/api/records/members/:id', async (ctx) => {
    const period = periodOf(ctx);
    const record = await deps.records.memberRecord(ctx.params.id!, period);
    if (!record) throw new YishiError('member_not_found', { status: 404, detail: `no member ${ctx.params.id}` });
    const { member, summary, rates, text } = record;
    ctx.body = {
      member: { id: member.id, name: member.name, sector: member.sector, role: member.role, active: member.active },
      period: periodOut(period),
      summary: { ...summary, satisfaction: ratioOut(summary.satisfaction) },
      rates: ratesOut(rates.rates),
      text,
    };
  });

  router.get('/api/export/:file', async (ctx) => {
    const file = FILE.exec(ctx.params.file ?? '');
    if (!file)
      throw new YishiError('export_not_found', {
        status: 404,
        detail: 'Exports are opinions, records and rates, each as .csv or .xlsx (e.g. /api/export/rates.csv?period=2026-11).',
      });
    const period = periodOf(ctx);
    const options = parseWith(exportQuery, { view: single(ctx.query.view), member: single(ctx.query.member) });
    const [, name, format] = file as unknown as [string, ExportName, 'csv' | 'xlsx'];
    if (options.member && !(await deps.records.deps.members.findById(options.member)))
      throw new YishiError('member_not_found', { status: 404, detail: `no member ${options.member}` });
    const table = await deps.exports.build(name, period, { view: options.view, memberId: options.member });
    const suffix = [options.view && options.view !== 'all' ? options.view : '', options.member ?? ''].filter(Boolean);
    ctx.type = CONTENT_TYPES[format];
    ctx.set('Content-Disposition', `attachment; filename="${[name, ...suffix, period.key].join('-')}.${format}"`);
    ctx.body = format === 'csv' ? toCsv(table) : await toXlsx(table);
  });
  return router;
}

const periodParameters = [
  {
    name: 'period',
    in: 'query',
    required: false,
    schema: { type: 'string' },
    description: '本月 (default), 上月, 本季度, 上季度, 今年, 去年, 本周, 上周, 2026-11, 2026-Q4, 2026, 2026-W48',
  },
  {
    name: 'from',
    in: 'query',
    required: false,
    schema: { type: 'string', format: 'date' },
    description: 'with `to` instead of `period` (Beijing dates, both included)',
  },
  { name: 'to', in: 'query', required: false, schema: { type: 'string', format: 'date' } },
];

const exportParameters = [
  ...periodParameters,
  {
    name: 'view',
    in: 'query',
    required: false,
    schema: { type: 'string', enum: [...RATE_VIEWS] },
    description: 'rates only: all (default: overall, sectors, communities), sector, community, member, weekly',
  },
  { name: 'member', in: 'query', required: false, schema: { type: 'string' }, description: "records only: one member's row" },
];

const file = (summary: string) => ({
  get: {
    summary,
    parameters: exportParameters,
    responses: {
      200: {
        description: 'The file',
        content: {
          [CONTENT_TYPES.csv]: { schema: { type: 'string' } },
          [CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } },
        },
      },
      400: errorResponse,
      404: errorResponse,
    },
  },
});

const ratioSchema = {
  type: 'object',
  required: ['num', 'den', 'percent'],
  properties: {
    num: { type: 'integer' },
    den: { type: 'integer' },
    percent: { type: 'string', nullable: true, description: '`83.3%` (half up, one decimal), null when den is 0' },
  },
};
const rateSetSchema = {
  type: 'object',
  required: ['response', 'onTime', 'resolution', 'satisfaction'],
  description: '响应率, 按时办结率, 解决率, 满意率 and 建言率 (participation; absent for a community)',
  properties: Object.fromEntries(['response', 'onTime', 'resolution', 'satisfaction', 'participation'].map((k) => [k, ratioSchema])),
};
const periodSchema = {
  type: 'object',
  properties: {
    key: { type: 'string' },
    kind: { type: 'string' },
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
  },
};
const named = (extra: Record<string, unknown> = {}) => ({
  type: 'array',
  items: { type: 'object', properties: { ...extra, name: { type: 'string' }, rates: rateSetSchema } },
});
const jsonOf = (description: string, properties: Record<string, unknown>) => ({
  description,
  content: { 'application/json': { schema: { type: 'object', properties } } },
});
const denied = { 400: errorResponse, 401: errorResponse, 403: errorResponse };

const recordsJsonPaths: OpenApiPaths = {
  '/api/records/rates': {
    get: {
      summary: 'The five rates of the period with their counts: overall, by sector, by community and by member (staff)',
      parameters: periodParameters,
      responses: {
        200: jsonOf('The rates', {
          period: periodSchema,
          overall: rateSetSchema,
          bySector: named(),
          byCommunity: named(),
          byMember: named({ id: { type: 'string' }, sector: { type: 'string' } }),
        }),
        ...denied,
      },
    },
  },
  '/api/records/rates/weekly': {
    get: {
      summary: 'The overall rates of each week of the period (weeks cut to the period; at most the latest 53) (staff)',
      parameters: periodParameters,
      responses: {
        200: jsonOf('The weeks, oldest first', {
          period: periodSchema,
          weeks: { type: 'array', items: { ...periodSchema, properties: { ...periodSchema.properties, rates: rateSetSchema } } },
        }),
        ...denied,
      },
    },
  },
  '/api/records/members/{id}': {
    get: {
      summary: "A member's 履职档案 for the period: the ledger's counts, their five rates and the card as text (staff)",
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...periodParameters],
      responses: {
        200: jsonOf('The record', {
          member: { type: 'object' },
          period: periodSchema,
          summary: {
            type: 'object',
            description: 'shifts, filed, accepted, resolved, onTime, onSpot, events, proposals, cosigned, satisfaction',
          },
          rates: rateSetSchema,
          text: { type: 'string' },
        }),
        ...denied,
        404: errorResponse,
      },
    },
  },
};

export const recordsOpenapiPaths: OpenApiPaths = Object.fromEntries([
  ...Object.entries(recordsJsonPaths),
  ...(['csv', 'xlsx'] as const).flatMap((ext) => [
    [
      `/api/export/opinions.${ext}`,
      file(`Opinions submitted in the period (${ext.toUpperCase()}${ext === 'csv' ? ', UTF-8 with BOM' : ''})`),
    ],
    [
      `/api/export/records.${ext}`,
      file(`Each member's record for the period: shifts, opinions, resolutions, events, proposals (${ext.toUpperCase()})`),
    ],
    [`/api/export/rates.${ext}`, file(`The five rates with their counts, overall, by sector and by community (${ext.toUpperCase()})`)],
  ]),
]);
