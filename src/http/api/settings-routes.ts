import type Router from '@koa/router';
import { z } from 'zod';
import { isIsoDate } from '../../core/dates.js';
import { YishiError } from '../../core/errors.js';
import type { Messages } from '../../i18n/messages.js';
import type { CalendarService } from '../../services/calendar/calendar-service.js';
import type { OpinionService } from '../../services/opinions/opinion-service.js';
import type { TimeLimits } from '../../services/opinions/types.js';
import { errorResponse, jsonBody, parseWith } from './validation.js';

/** A time limit is a whole number of working days, 1 to 60: 0, 2.5 or 1e-300 would make every opinion overdue at once. */
const days = z.number().int().min(1).max(60);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');
const limitsSchema = z.strictObject({
  simple: days,
  general: days,
  complex: days,
  openOfDay: hhmm.optional(),
  closeOfDay: hhmm.optional(),
  archiveUnratedAfterDays: days.optional(),
});

const isoDate = z.string().refine(isIsoDate, { message: 'must be a date YYYY-MM-DD' });
const officeDay = z.strictObject({ date: isoDate, working: z.boolean(), name: z.string().max(40).optional() });
const calendarBody = z.strictObject({ days: z.array(officeDay).max(1000) });
const rangeQuery = z.object({ from: isoDate, to: isoDate });
const MAX_RANGE_DAYS = 400;

type Deps = { opinions: OpinionService; calendar: CalendarService; messages: Messages; bodyLimitBytes: number };

/**
 * The loop's clock and the working calendar:
 * - GET, PUT, PATCH /api/settings/time-limits: working days per grade, office hours, archive delay;
 * - GET, PUT /api/settings/calendar: the office's own days off and days at work;
 * - GET /api/settings/calendar/days?from&to: how each day stands, and why;
 * - GET, PUT /api/settings/reopen-window `{ days }` (1–90, default 7): how long after 办结 a filer may reopen.
 */
export function settingsRoutes(router: Router, deps: Deps): void {
  const save = async (limits: TimeLimits) => {
    if (limits.openOfDay >= limits.closeOfDay)
      throw new YishiError('invalid_request', { status: 400, userMessage: deps.messages.http.ranges.openBeforeClose });
    return deps.opinions.setTimeLimits(limits);
  };
  router.get('/api/settings/time-limits', async (ctx) => {
    ctx.body = await deps.opinions.timeLimits();
  });
  router.put('/api/settings/time-limits', async (ctx) => {
    const body = await jsonBody(ctx, limitsSchema, deps.bodyLimitBytes);
    ctx.body = await save({ ...(await deps.opinions.timeLimits()), ...stripUndefined(body) });
  });
  router.patch('/api/settings/time-limits', async (ctx) => {
    const changes = await jsonBody(ctx, limitsSchema.partial(), deps.bodyLimitBytes);
    ctx.body = await save({ ...(await deps.opinions.timeLimits()), ...stripUndefined(changes) });
  });
  // How many days after 办结 the filer may reopen an opinion (or send it back with 不满意).
  router.get('/api/settings/reopen-window', async (ctx) => {
    ctx.body = { days: await deps.opinions.reopenDays() };
  });
  router.put('/api/settings/reopen-window', async (ctx) => {
    const { days } = await jsonBody(ctx, z.strictObject({ days: z.number().int().min(1).max(90) }), deps.bodyLimitBytes);
    ctx.body = { days: await deps.opinions.setReopenDays(days) };
  });

  router.get('/api/settings/calendar', async (ctx) => {
    ctx.body = { officialYears: deps.calendar.officialYears(), days: await deps.calendar.officeDays() };
  });
  router.put('/api/settings/calendar', async (ctx) => {
    const body = await jsonBody(ctx, calendarBody, deps.bodyLimitBytes);
    ctx.body = { officialYears: deps.calendar.officialYears(), days: await deps.calendar.setOfficeDays(body.days) };
  });
  router.get('/api/settings/calendar/days', async (ctx) => {
    const { from, to } = parseWith(rangeQuery, ctx.query);
    const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (span < 0 || span > MAX_RANGE_DAYS)
      throw new YishiError('invalid_request', {
        status: 400,
        userMessage: deps.messages.http.ranges.spanTooLong(MAX_RANGE_DAYS),
      });
    const calendar = await deps.calendar.current();
    const list: unknown[] = [];
    for (let date = from; date <= to; date = nextDate(date)) list.push(calendar.day(date));
    ctx.body = { from, to, days: list };
  });
}

function nextDate(date: string): string {
  return new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const limitsDoc = {
  type: 'object',
  properties: {
    simple: { type: 'integer', minimum: 1, maximum: 60 },
    general: { type: 'integer', minimum: 1, maximum: 60 },
    complex: { type: 'integer', minimum: 1, maximum: 60 },
    openOfDay: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'Office opens (Beijing), default 08:30' },
    closeOfDay: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'Deadlines end then (Beijing), default 17:30' },
    archiveUnratedAfterDays: { type: 'integer', minimum: 1, maximum: 60, description: 'Days after 办结 before 已归档 as 未评价' },
  },
  description: 'Working days per grade (defaults 3, 7, 15); office hours; the archive delay',
};

const dayDoc = {
  type: 'object',
  properties: { date: { type: 'string', format: 'date' }, working: { type: 'boolean' }, name: { type: 'string', maxLength: 40 } },
  required: ['date', 'working'],
};
const calendarDoc = {
  type: 'object',
  properties: {
    officialYears: { type: 'array', items: { type: 'integer' }, description: 'Years the official (chinese-days) data covers' },
    days: { type: 'array', items: dayDoc },
  },
};

export const settingsOpenapiPaths = {
  '/api/settings/reopen-window': {
    get: {
      summary: 'Days after 办结 in which the filer may reopen an opinion (or send it back with 不满意)',
      responses: { 200: { description: '{ days }' } },
    },
    put: {
      summary: 'Set the reopening window',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { type: 'object', required: ['days'], properties: { days: { type: 'integer', minimum: 1, maximum: 90 } } },
          },
        },
      },
      responses: { 200: { description: '{ days }' }, 400: errorResponse },
    },
  },
  '/api/settings/time-limits': {
    get: {
      summary: 'Time limits per grade (working days), office hours and the archive delay',
      responses: { 200: { description: 'The limits', content: { 'application/json': { schema: limitsDoc } } } },
    },
    put: {
      summary: 'Set all time limits (office hours and the archive delay are kept when left out)',
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { ...limitsDoc, required: ['simple', 'general', 'complex'] } } },
      },
      responses: { 200: { description: 'The limits' }, 400: errorResponse },
    },
    patch: {
      summary: 'Change some time limits',
      requestBody: { required: true, content: { 'application/json': { schema: limitsDoc } } },
      responses: { 200: { description: 'The limits' }, 400: errorResponse },
    },
  },
  '/api/settings/calendar': {
    get: {
      summary: "The office's own days off (working: false) and days at work (working: true), over the official calendar",
      responses: { 200: { description: 'The office days', content: { 'application/json': { schema: calendarDoc } } } },
    },
    put: {
      summary: "Replace the office's own days; every deadline computed from now on uses them",
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { type: 'object', properties: { days: { type: 'array', items: dayDoc } }, required: ['days'] } },
        },
      },
      responses: { 200: { description: 'The office days' }, 400: errorResponse },
    },
  },
  '/api/settings/calendar/days': {
    get: {
      summary: 'How each day from `from` to `to` stands (working or not) and why',
      parameters: [
        { name: 'from', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
        { name: 'to', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
      ],
      responses: { 200: { description: 'The days' }, 400: errorResponse },
    },
  },
};
