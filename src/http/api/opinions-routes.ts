import type { OutcomeService } from '../../services/outcomes/outcome-service.js';
import { opinionTable } from '../../services/records/opinion-table.js';
import { toCsv } from './spreadsheet.js';
import type Router from '@koa/router';
import { z } from 'zod';
import { addDays, beijingInstant } from '../../core/dates.js';
import { YishiError } from '../../core/errors.js';
import type { OpinionService } from '../../services/opinions/opinion-service.js';
import { OPINION_STATES, type OpinionListFilter, type OpinionRecord } from '../../services/opinions/opinion-records.js';
import { dateOrInstant, errorResponse, jsonBody, notFound, parseWith } from './validation.js';

const querySchema = z.object({
  state: z.enum(OPINION_STATES).optional(),
  community: z.string().min(1).optional(),
  category: z.string().min(1).optional(),
  handler: z.string().min(1).optional(),
  from: dateOrInstant.optional(),
  to: dateOrInstant.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** A Beijing date is the instant of its midnight; `to` dates include their whole day. */
function instant(value: string, endOfDay: boolean): Date {
  if (value.includes('T')) return new Date(value);
  return beijingInstant(endOfDay ? addDays(value, 1) : value);
}

function filterFrom(query: z.infer<typeof querySchema>): OpinionListFilter {
  return {
    ...(query.state ? { state: query.state } : {}),
    ...(query.community ? { community: query.community } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.handler ? { handlerId: query.handler } : {}),
    ...(query.from ? { from: instant(query.from, false) } : {}),
    ...(query.to ? { to: instant(query.to, true) } : {}),
  };
}

/** The list view leaves out the audit trail (GET /api/opinions/:id has it). */
const listItem = ({ audit: _audit, ...rest }: OpinionRecord) => rest;

/** Opinions in the admin API: list with filters, one with its audit, CSV export, classification fix. */
export function opinionsRoutes(
  router: Router,
  deps: {
    opinions: OpinionService;
    communities: { findByName(n: string): Promise<unknown> };
    categories: { findByName(n: string): Promise<unknown> };
    /** 协商成果 shown with each opinion they settle. */
    outcomes?: OutcomeService;
    bodyLimitBytes: number;
  },
): void {
  const { opinions } = deps;

  router.get('/api/opinions', async (ctx) => {
    const query = parseWith(querySchema, ctx.query);
    const { items, total } = await opinions.list(filterFrom(query), { skip: (query.page - 1) * query.pageSize, limit: query.pageSize });
    ctx.body = { items: items.map(listItem), total, page: query.page, pageSize: query.pageSize };
  });

  // The board's filtered export: the same table, as people read it, as /api/export/opinions.csv and the CLI.
  router.get('/api/opinions/export.csv', async (ctx) => {
    const query = parseWith(querySchema.omit({ page: true, pageSize: true }), ctx.query);
    const { items } = await opinions.list(filterFrom({ ...query, page: 1, pageSize: 1 }), { skip: 0, limit: 100_000 });
    const texts = await opinions.deps.privacy.forExport(items);
    const names = new Map((await opinions.deps.members.list({})).map((member) => [member.id, member.name]));
    const rows = items.map((o) => ({ ...o, plusOnes: o.plusOnes.count }));
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', 'attachment; filename="opinions.csv"');
    ctx.body = toCsv(opinionTable(opinions.deps.messages, rows, texts, (id) => names.get(id)));
  });

  router.get('/api/opinions/:id', async (ctx) => {
    const opinion = await opinions.find(ctx.params.id!);
    if (!opinion) throw notFound('opinion', ctx.params.id!);
    const outcomes = deps.outcomes ? await deps.outcomes.presentAll(deps.outcomes.forOpinion(opinion.number)) : [];
    ctx.body = { ...opinion, outcomes };
  });

  router.patch('/api/opinions/:id', async (ctx) => {
    const changes = await jsonBody(
      ctx,
      z
        .object({ community: z.string().trim().min(1).optional(), category: z.string().trim().min(1).optional() })
        .refine((c) => c.community || c.category, 'give community or category'),
      deps.bodyLimitBytes,
    );
    if (changes.community && !(await deps.communities.findByName(changes.community)))
      throw new YishiError('community_unknown', { status: 400, detail: `No community named ${changes.community}.` });
    if (changes.category && !(await deps.categories.findByName(changes.category)))
      throw new YishiError('category_unknown', { status: 400, detail: `No category named ${changes.category}.` });
    const opinion = await opinions.find(ctx.params.id!);
    if (!opinion) throw notFound('opinion', ctx.params.id!);
    ctx.body = await opinions.closing.correctClassification(opinion.id, changes, { id: 'admin-api', role: 'admin' });
  });
}

const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'id or number (MY-2026-000123)' }];
const filters = ['state', 'community', 'category', 'handler', 'from', 'to'].map((name) => ({
  name,
  in: 'query',
  schema: { type: 'string' },
}));

export const opinionsOpenapiPaths = {
  '/api/opinions': {
    get: {
      summary:
        'List opinions (newest first); filters: state, community, category, handler (member id), from/to (Beijing dates, inclusive). ' +
        'With a workbench session (or `view=board` with the token) it answers the board list instead: `{ items, total, page, pageSize, countsByState }`, ' +
        'scoped to what the member may see, with `sort` (createdAt, deadline, number, plusOnes, `-` for descending), `grade`, `overdue=true` and `q` ' +
        '(words in the text, scanning at most the newest 2,000 of the other filters); GET /api/opinions/{id} likewise answers the board detail. See docs/workbench-api.md.',
      parameters: [
        ...filters,
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
        { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200 } },
      ],
      responses: { 200: { description: '{ items, total, page, pageSize }' }, 400: errorResponse, 401: errorResponse },
    },
  },
  '/api/opinions/export.csv': {
    get: {
      summary:
        'Export opinions as CSV (UTF-8 with BOM), same filters as the list; the columns of /api/export/opinions.csv (Chinese headers and states, Beijing time)',
      parameters: filters,
      responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } } },
    },
  },
  '/api/opinions/{id}': {
    get: {
      summary: 'One opinion with its audit trail',
      parameters: idParam,
      responses: { 200: { description: 'The opinion' }, 404: errorResponse },
    },
    patch: {
      summary: 'Correct community and/or category (audited)',
      parameters: idParam,
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { type: 'object', properties: { community: { type: 'string' }, category: { type: 'string' } } } },
        },
      },
      responses: { 200: { description: 'The opinion' }, 400: errorResponse, 404: errorResponse },
    },
  },
};
