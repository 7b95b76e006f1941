import type Router from '@koa/router';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import { beijingDate } from '../../core/dates.js';
import { YishiError } from '../../core/errors.js';
import type { Messages } from '../../i18n/messages.js';
import type { RosterService } from '../../services/roster/roster-service.js';
import { SHIFT_SLOTS, SWAP_STATES } from '../../services/roster/shift-records.js';
import {
  generateBody,
  generateRequestSchema,
  isoDate,
  shiftJson,
  shiftSchema,
  specialDayJson,
  specialDaySchema,
} from '../api/roster-routes.js';
import type { OpenApiPaths } from '../api/openapi.js';
import { errorResponse, jsonBody, parseWith } from '../api/validation.js';
import { exactRouter } from '../exact-router.js';
import { requesterOf } from '../requester.js';

const rangeQuery = z.object({ from: isoDate, to: isoDate });
const memberBody = z.object({ memberId: z.string().min(1).max(100) });
/** A member's page lists this many shifts still to come. */
const MY_SHIFTS = 10;

export interface RosterDeskDeps {
  roster: RosterService;
  clock: Clock;
  messages: Messages;
  bodyLimitBytes: number;
}

/**
 * The workbench's 值班 page under /api/roster: today's duty, the preview of a generation, the
 * preview of a change of hands, the swap requests, and a member's own shifts. Every rule is in
 * {@link RosterService}; generating and changing hands use the admin API's routes (roster-routes.ts).
 */
export function rosterDeskRouter(deps: RosterDeskDeps): Router {
  const router = exactRouter();
  const t = deps.messages;

  router.get('/api/roster/today', async (ctx) => {
    const date = beijingDate(deps.clock.now());
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { date, shifts: (await deps.roster.listRange(date, date)).map(shiftJson) };
  });

  router.post('/api/roster/plan', async (ctx) => {
    const body = await jsonBody(ctx, generateBody, deps.bodyLimitBytes);
    const draft = await deps.roster.draft({ ...body, slots: [...body.slots] });
    ctx.body = {
      from: draft.from,
      to: draft.to,
      workingDays: draft.workingDays,
      kept: draft.kept,
      specialDays: draft.specialDays.map((day) => specialDayJson(t, day)),
      shifts: draft.shifts.map(({ date, slot, memberId, memberName, place }) => ({ date, slot, memberId, memberName, place })),
    };
  });

  router.post('/api/roster/shifts/:id/preview', async (ctx) => {
    const body = await jsonBody(ctx, memberBody, deps.bodyLimitBytes);
    ctx.body = await deps.roster.previewReassign(ctx.params.id!, body.memberId);
  });

  router.get('/api/roster/swaps', async (ctx) => {
    const query = parseWith(rangeQuery, ctx.query);
    const swaps = await deps.roster.swaps.listRange(query.from, query.to);
    ctx.body = {
      swaps: swaps.map((swap) => ({
        id: swap.id,
        shiftId: swap.shiftId,
        date: swap.date,
        slot: swap.slot,
        fromMemberId: swap.fromMemberId,
        fromName: swap.fromName,
        toMemberId: swap.toMemberId,
        toName: swap.toName,
        state: swap.state,
        createdAt: swap.createdAt.toISOString(),
        ...(swap.answeredAt ? { answeredAt: swap.answeredAt.toISOString() } : {}),
      })),
    };
  });

  router.get('/api/roster/me', async (ctx) => {
    const requester = requesterOf(ctx);
    if (requester.kind !== 'session')
      throw new YishiError('session_missing', { status: 401, userMessage: t.workbench.errors.session_missing });
    const shifts = await deps.roster.upcomingFor(requester.member.id, deps.clock.now(), MY_SHIFTS);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { shifts: shifts.map(shiftJson) };
  });

  return router;
}

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const object = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', required, properties });
const denied = { 401: errorResponse, 403: errorResponse };
const shiftList = object({ shifts: { type: 'array', items: shiftSchema } });
const draftShift = object({
  date: { type: 'string', format: 'date' },
  slot: { type: 'string', enum: [...SHIFT_SLOTS] },
  memberId: { type: 'string' },
  memberName: { type: 'string' },
  place: { type: 'string' },
});
const swapSchema = object({
  id: { type: 'string' },
  shiftId: { type: 'string' },
  date: { type: 'string', format: 'date' },
  slot: { type: 'string', enum: [...SHIFT_SLOTS] },
  fromMemberId: { type: 'string' },
  fromName: { type: 'string' },
  toMemberId: { type: 'string' },
  toName: { type: 'string' },
  state: { type: 'string', enum: [...SWAP_STATES] },
  createdAt: { type: 'string', format: 'date-time' },
  answeredAt: { type: 'string', format: 'date-time' },
});
const range = ['from', 'to'].map((name) => ({ name, in: 'query', required: true, schema: { type: 'string', format: 'date' } }));

export const rosterDeskOpenapiPaths: OpenApiPaths = {
  '/api/roster/today': {
    get: {
      summary: "Today's duty (Beijing date).",
      responses: {
        200: { description: 'Today', ...json(object({ date: { type: 'string', format: 'date' }, ...shiftList.properties })) },
        ...denied,
      },
    },
  },
  '/api/roster/plan': {
    post: {
      summary: 'What POST /api/roster/generate would write, checked by the same rules; changes nothing.',
      requestBody: { required: true, ...json(generateRequestSchema) },
      responses: {
        200: {
          description: 'The draft',
          ...json(
            object({
              from: { type: 'string', format: 'date' },
              to: { type: 'string', format: 'date' },
              workingDays: { type: 'integer' },
              kept: { type: 'integer', description: 'served or missed shifts that stay' },
              specialDays: { type: 'array', items: specialDaySchema },
              shifts: { type: 'array', items: draftShift },
            }),
          ),
        },
        400: errorResponse,
        ...denied,
      },
    },
  },
  '/api/roster/shifts/{id}/preview': {
    post: {
      summary: 'What PATCH /api/roster/shifts/{id} would change and who would be told; changes nothing.',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: { required: true, ...json(object({ memberId: { type: 'string' } }, ['memberId'])) },
      responses: {
        200: {
          description: 'The preview',
          ...json(
            object({ changes: { type: 'array', items: { type: 'string' } }, notified: { type: 'array', items: { type: 'string' } } }),
          ),
        },
        404: errorResponse,
        409: errorResponse,
        ...denied,
      },
    },
  },
  '/api/roster/swaps': {
    get: {
      summary: '换班 requests for shifts in a period, in every state (pending, agreed, refused, void).',
      parameters: range,
      responses: {
        200: { description: 'Requests', ...json(object({ swaps: { type: 'array', items: swapSchema } })) },
        400: errorResponse,
        ...denied,
      },
    },
  },
  '/api/roster/me': {
    get: {
      summary: "The signed-in member's shifts still to come (session only; any member).",
      responses: { 200: { description: 'Shifts', ...json(shiftList) }, ...denied },
    },
  },
};
