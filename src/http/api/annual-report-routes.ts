import type Router from '@koa/router';
import type { Context } from 'koa';
import { YishiError } from '../../core/errors.js';
import type { Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import type { AnnualReports, ReportFile } from '../../services/records/annual-report/annual-reports.js';
import { exactRouter } from '../exact-router.js';
import { requesterOf } from '../requester.js';
import type { OpenApiPaths } from './openapi.js';
import { errorResponse } from './validation.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface AnnualReportRoutesDeps {
  annualReports: AnnualReports;
  messages: Messages;
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** RFC 5987 / 6266: an ASCII name for old clients and the real (Chinese) one as `filename*`. */
export function attachment(asciiName: string, fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}

/**
 * 述职表 downloads: one member's annual report (staff and admins; a member signed in to the
 * workbench only their own, see route-access.ts) and the office's summary of all members (staff).
 * Both take `?year=YYYY` (default this year) and are written to the log with `audit: 'annual-report'`.
 */
export function annualReportRouter(deps: AnnualReportRoutesDeps): Router {
  const router = exactRouter();
  const { annualReports } = deps;
  const t = deps.messages.annualReport;

  const send = (ctx: Context, asciiName: string, file: ReportFile, fields: Record<string, unknown>) => {
    const requester = requesterOf(ctx);
    const by = requester.kind === 'session' ? { memberId: requester.member.id, name: requester.member.name } : { token: true };
    (ctx.state.log as Logger).child({ audit: 'annual-report' }).info({ by, ...fields }, 'annual report downloaded');
    ctx.type = DOCX_TYPE;
    ctx.set('Content-Disposition', attachment(asciiName, file.fileName));
    ctx.set('Cache-Control', 'no-store');
    ctx.body = file.bytes;
  };

  router.get('/api/records/members/:id/annual-report.docx', async (ctx) => {
    const id = ctx.params.id!;
    const requester = requesterOf(ctx);
    // Staff and admins read anyone's; a member (convenors too) only their own.
    if (requester.kind === 'session' && requester.member.role === 'member' && requester.member.id !== id)
      throw new YishiError('not_own_report', { status: 403, userMessage: t.errors.not_own });
    const year = annualReports.year(single(ctx.query.year));
    const file = await annualReports.memberFile(id, year);
    send(ctx, `annual-report-${year}-${id.replace(/[^\w-]/g, '')}.docx`, file, { memberId: id, year });
  });

  router.get('/api/records/annual-summary.docx', async (ctx) => {
    const year = annualReports.year(single(ctx.query.year));
    const file = await annualReports.summaryFile(year);
    send(ctx, `annual-summary-${year}.docx`, file, { summary: true, year, members: file.members });
  });
  return router;
}

const yearParameter = {
  name: 'year',
  in: 'query',
  required: false,
  schema: { type: 'string', pattern: '^\\d{4}$' },
  description: 'Four digits, not after this year (Beijing); default this year',
};
const docx = (description: string) => ({
  description,
  headers: { 'Content-Disposition': { schema: { type: 'string' }, description: "attachment with filename*=UTF-8''… (Chinese name)" } },
  content: { [DOCX_TYPE]: { schema: { type: 'string', format: 'binary' } } },
});

export const annualReportOpenapiPaths: OpenApiPaths = {
  '/api/records/members/{id}/annual-report.docx': {
    get: {
      summary:
        "A member's 年度履职报告 (述职表) as DOCX, generated from the record, with signature lines (staff; a member signed in to the workbench: their own only). Audited.",
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, yearParameter],
      responses: {
        200: docx('The 述职表'),
        400: errorResponse,
        401: errorResponse,
        403: errorResponse,
        404: errorResponse,
      },
    },
  },
  '/api/records/annual-summary.docx': {
    get: {
      summary:
        "The office's summary of all active members for a year as DOCX: one row per member in name order (no ranking) (staff). Audited.",
      parameters: [yearParameter],
      responses: { 200: docx('The summary'), 400: errorResponse, 401: errorResponse, 403: errorResponse },
    },
  },
};
