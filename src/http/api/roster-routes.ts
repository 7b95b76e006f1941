import type Router from '@koa/router';
import { exactRouter } from '../exact-router.js';
import { z } from 'zod';
import { isIsoDate } from '../../core/dates.js';
import { YishiError } from '../../core/errors.js';
import type { CalendarDay } from '../../core/working-calendar.js';
import type { Messages } from '../../i18n/messages.js';
import { dayLabel, type ShiftView } from '../../services/roster/format.js';
import { requesterOf } from '../requester.js';
import type { RosterService } from '../../services/roster/roster-service.js';
import { SHIFT_SLOTS } from '../../services/roster/shift-records.js';
import type { OpenApiPaths } from './openapi.js';
import { errorResponse, jsonBody, parseWith } from './validation.js';

export const isoDate = z.string().refine(isIsoDate, { message: 'must be a date YYYY-MM-DD' });

export const generateBody = z.object({
  from: isoDate,
  to: isoDate,
  memberIds: z.array(z.string().min(1)).min(1),
  holidays: z.array(isoDate).default([]),
  workdays: z.array(isoDate).default([]),
  slots: z.union([z.tuple([z.literal('全天')]), z.tuple([z.literal('上午'), z.literal('下午')])]).default(['全天']),
  place: z.string().trim().min(1),
});

const rangeQuery = z.object({ from: isoDate, to: isoDate });
const reassignBody = z.object({ memberId: z.string().min(1) });

/** A shift as the API answers it. */
export function shiftJson(shift: ShiftView) {
  return {
    id: shift.id,
    date: shift.date,
    slot: shift.slot,
    memberId: shift.memberId,
    memberName: shift.memberName,
    place: shift.place,
    state: shift.state,
    ...(shift.servedAt ? { servedAt: shift.servedAt.toISOString() } : {}),
    history: shift.history.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
  };
}

/** A holiday or 调休 day with its label as chat says it (`国庆节·法定节假日`). */
export function specialDayJson(t: Messages, day: CalendarDay) {
  return { date: day.date, working: day.working, reason: day.reason, ...(day.name ? { name: day.name } : {}), label: dayLabel(t, day) };
}

/**
 * The roster's admin API: generate a rotation, read a period, hand one shift to someone else.
 * Thin on purpose: validation here, every rule in {@link RosterService}.
 */
export function rosterRouter(deps: { roster: RosterService; messages: Messages; bodyLimitBytes: number }): Router {
  const router = exactRouter();

  router.post('/api/roster/generate', async (ctx) => {
    const body = await jsonBody(ctx, generateBody, deps.bodyLimitBytes);
    const result = await deps.roster.generate({ ...body, slots: [...body.slots] });
    ctx.status = 201;
    ctx.body = {
      from: result.from,
      to: result.to,
      workingDays: result.workingDays,
      created: result.created,
      kept: result.kept,
      specialDays: result.specialDays.map((day) => specialDayJson(deps.messages, day)),
      shifts: result.shifts.map(shiftJson),
    };
  });

  router.get('/api/roster', async (ctx) => {
    const query = parseWith(rangeQuery, ctx.query);
    if (query.from > query.to) throw new YishiError('invalid_request', { status: 400, userMessage: deps.messages.http.ranges.fromAfterTo });
    ctx.body = {
      from: query.from,
      to: query.to,
      shifts: (await deps.roster.listRange(query.from, query.to)).map(shiftJson),
      specialDays: (await deps.roster.specialDaysIn(query.from, query.to)).map((day) => specialDayJson(deps.messages, day)),
    };
  });

  router.patch('/api/roster/shifts/:id', async (ctx) => {
    const body = await jsonBody(ctx, reassignBody, deps.bodyLimitBytes);
    const requester = requesterOf(ctx);
    const by = requester.kind === 'session' ? requester.member.id : undefined;
    ctx.body = { shift: shiftJson(await deps.roster.reassign(ctx.params.id!, body.memberId, by)) };
  });

  return router;
}

export const shiftSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    date: { type: 'string', format: 'date' },
    slot: { type: 'string', enum: [...SHIFT_SLOTS] },
    memberId: { type: 'string' },
    memberName: { type: 'string' },
    place: { type: 'string' },
    state: { type: 'string', enum: ['planned', 'served', 'swapped', 'missed'] },
    servedAt: { type: 'string', format: 'date-time' },
  },
};
/** The body of a generation (and of its preview, POST /api/roster/plan). */
export const generateRequestSchema = {
  type: 'object',
  required: ['from', 'to', 'memberIds', 'place'],
  properties: {
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
    memberIds: { type: 'array', items: { type: 'string' }, description: 'in rotation order' },
    holidays: { type: 'array', items: { type: 'string', format: 'date' } },
    workdays: { type: 'array', items: { type: 'string', format: 'date' }, description: '调休: weekend days that are working days' },
    slots: { type: 'array', items: { type: 'string' }, description: "['全天'] (default) or ['上午','下午']" },
    place: { type: 'string' },
  },
};

export const specialDaySchema = {
  type: 'object',
  description: 'A holiday (working: false) or 调休 working day (working: true) of the working calendar',
  properties: {
    date: { type: 'string', format: 'date' },
    working: { type: 'boolean' },
    reason: { type: 'string', enum: ['office-holiday', 'office-workday', 'official-holiday', 'official-workday', 'weekend', 'weekday'] },
    name: { type: 'string' },
    label: { type: 'string', description: 'as chat says it, e.g. 国庆节·法定节假日' },
  },
};
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

export const rosterOpenapiPaths: OpenApiPaths = {
  '/api/roster/generate': {
    post: {
      summary: 'Generate a rotation (weekends and holidays skipped, 调休 workdays honoured, served shifts kept)',
      requestBody: { required: true, ...json(generateRequestSchema) },
      responses: {
        201: {
          description: 'Generated',
          ...json({
            type: 'object',
            properties: {
              from: { type: 'string', format: 'date' },
              to: { type: 'string', format: 'date' },
              workingDays: { type: 'integer' },
              created: { type: 'integer' },
              kept: { type: 'integer' },
              specialDays: { type: 'array', items: specialDaySchema },
              shifts: { type: 'array', items: shiftSchema },
            },
          }),
        },
        400: errorResponse,
        409: errorResponse,
      },
    },
  },
  '/api/roster': {
    get: {
      summary: 'Shifts in a period',
      parameters: ['from', 'to'].map((name) => ({ name, in: 'query', required: true, schema: { type: 'string', format: 'date' } })),
      responses: {
        200: {
          description: 'Shifts, and the holidays and 调休 days of the period',
          ...json({
            type: 'object',
            properties: {
              from: { type: 'string', format: 'date' },
              to: { type: 'string', format: 'date' },
              shifts: { type: 'array', items: shiftSchema },
              specialDays: { type: 'array', items: specialDaySchema },
            },
          }),
        },
        400: errorResponse,
      },
    },
  },
  '/api/roster/shifts/{id}': {
    patch: {
      summary:
        'Hand a shift still to come to another member (both and the staff group are told); with a workbench session the shift’s history records who did it',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: json({ type: 'object', required: ['memberId'], properties: { memberId: { type: 'string' } } }),
      responses: {
        200: { description: 'Reassigned', ...json({ type: 'object', properties: { shift: shiftSchema } }) },
        404: errorResponse,
        409: errorResponse,
      },
    },
  },
};
