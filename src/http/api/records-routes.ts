import type Router from '@koa/router';
import { exactRouter } from '../exact-router.js';
import type { Clock } from '../../core/clock.js';
import { YishiError } from '../../core/errors.js';
import type { ExportName, RecordsExports } from '../../services/records/exports.js';
import { readPeriod } from '../../services/records/periods.js';
import type { OpenApiPaths } from './openapi.js';
import { CONTENT_TYPES, toCsv, toXlsx } from './spreadsheet.js';
import { errorResponse } from './validation.js';

const FILE = /^(opinions|records|rates)\.(csv|xlsx)$/;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Exports under `/api/export`: `opinions`, `records` and `rates` as `.csv` (UTF-8 with BOM, opens
 * in Excel) or `.xlsx`, for `?period=` (本月, 上月, 本季度, 今年, 2026-11, 2026-Q4, 2026, 2026-W48)
 * or `?from=YYYY-MM-DD&to=YYYY-MM-DD` (Beijing dates, both included). Default: this month.
 */
export function recordsRouter(deps: { clock: Clock; exports: RecordsExports }): Router {
  const router = exactRouter();
  router.get('/api/export/:file', async (ctx) => {
    const file = FILE.exec(ctx.params.file ?? '');
    if (!file)
      throw new YishiError('export_not_found', {
        status: 404,
        detail: 'Exports are opinions, records and rates, each as .csv or .xlsx (e.g. /api/export/rates.csv?period=2026-11).',
      });
    const query = { period: single(ctx.query.period), from: single(ctx.query.from), to: single(ctx.query.to) };
    const asked = query.period !== undefined || query.from !== undefined || query.to !== undefined;
    const period = readPeriod(asked ? query : { period: '本月' }, deps.clock.now());
    if (!period) {
      throw new YishiError('invalid_request', {
        status: 400,
        userMessage:
          'The request is invalid: give period (本月, 上月, 本季度, 今年, 2026-11, 2026-Q4, 2026, 2026-W48) or from and to as YYYY-MM-DD with from <= to.',
      });
    }
    const [, name, format] = file as unknown as [string, ExportName, 'csv' | 'xlsx'];
    const table = await deps.exports.build(name, period);
    ctx.type = CONTENT_TYPES[format];
    ctx.set('Content-Disposition', `attachment; filename="${name}-${period.key}.${format}"`);
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

const file = (summary: string) => ({
  get: {
    summary,
    parameters: periodParameters,
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

export const recordsOpenapiPaths: OpenApiPaths = Object.fromEntries(
  (['csv', 'xlsx'] as const).flatMap((ext) => [
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
);
