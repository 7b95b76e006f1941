import type { OutcomeService } from '../../services/outcomes/outcome-service.js';
import type Router from '@koa/router';
import type { Context } from 'koa';
import { exactRouter } from '../exact-router.js';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Actor } from '../../core/roles.js';
import { beijingInstant, isIsoDate } from '../../core/dates.js';
import { OPINION_NUMBER_PATTERN } from '../../core/opinion-number.js';
import { EVENT_STATES, PROGRAMME_STATES, type EventRecord } from '../../services/events/event-records.js';
import type { EventServices } from '../../services/events/event-services.js';
import { workbenchActor } from '../../services/workbench/workbench-sessions.js';
import { requesterOf } from '../requester.js';
import { errorResponse, jsonBody, parseWith, requestBodyOf } from './validation.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.iso
  .datetime({ offset: true, error: 'must be an ISO date-time with a zone, e.g. 2025-09-24T14:30:00+08:00' })
  .transform((s) => new Date(s));
const isoDate = z.string().refine(isIsoDate, 'must be a date written YYYY-MM-DD');
const memberId = z.string().regex(/^[0-9a-f]{24}$/i, 'must be a member id');
const opinionNumber = z.string().regex(OPINION_NUMBER_PATTERN, 'must be an opinion number such as MY-2026-000123');
const offsets = z
  .array(
    z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 60),
  )
  .min(1)
  .max(10);

const eventFields = {
  title: text(200),
  theme: text(500).optional(),
  sectors: z.array(text(50)).min(1).max(20),
  startAt: instant,
  endAt: instant,
  place: text(200),
  organiser: text(200).optional(),
  targetGroups: z.array(text(50)).max(50).optional(),
  invitees: z.array(memberId).max(500).optional(),
  capacity: z.number().int().min(1).max(100_000).optional(),
  state: z.enum(EVENT_STATES).optional(),
  programmeId: z
    .string()
    .regex(/^[0-9a-f]{24}$/i, 'must be a programme id')
    .optional(),
  reminderOffsetsMinutes: offsets.optional(),
};

const createEventSchema = z.strictObject(eventFields);

const patchEventSchema = z.strictObject({
  ...z.object(eventFields).partial().shape,
  theme: text(500).nullable().optional(),
  organiser: text(200).nullable().optional(),
  capacity: z.number().int().min(1).max(100_000).nullable().optional(),
  programmeId: z
    .string()
    .regex(/^[0-9a-f]{24}$/i, 'must be a programme id')
    .nullable()
    .optional(),
  reminderOffsetsMinutes: offsets.nullable().optional(),
  outcome: z.strictObject({ text: text(5000), opinionNumbers: z.array(opinionNumber).max(100).optional() }).optional(),
});

/** 活动结果: the text, and the opinions it settles (numbers written in the text count too). */
export const outcomeSchema = z.strictObject({ outcome: text(5000), opinionNumbers: z.array(opinionNumber).max(100).optional() });

const listQuerySchema = z.object({
  programmeId: z.string().optional(),
  sector: z.string().optional(),
  state: z.enum(EVENT_STATES).optional(),
  from: z.union([instant, isoDate.transform((d) => beijingInstant(d))]).optional(),
  to: z.union([instant, isoDate.transform((d) => beijingInstant(d))]).optional(),
});

const programmeSchema = z.union([
  z.strictObject({
    title: text(200),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM'),
    description: text(2000).optional(),
  }),
  z.strictObject({ title: text(200), startDate: isoDate, endDate: isoDate, description: text(2000).optional() }),
]);

const programmeListQuerySchema = z.object({ state: z.enum(PROGRAMME_STATES).optional() });

const patchProgrammeSchema = z.strictObject({
  title: text(200).optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM')
    .optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  description: text(2000).nullable().optional(),
});

/** The admin API acts with full rights, recorded under this name. */
const API_ACTOR: Actor = { role: 'admin', name: 'admin-api', platform: 'api', platformUserId: 'admin-api' };

/** Who acts: the member signed in to the workbench (their rights and name, as in chat), else the admin API. */
export const eventActorOf = (ctx: Context): Actor => {
  const requester = requesterOf(ctx);
  return requester.kind === 'session' ? workbenchActor(requester.member) : API_ACTOR;
};

/** An event as the API shows it: the record plus counts. */
export function presentEvent(event: EventRecord) {
  return { ...event, signupCount: event.signups.length, attendanceCount: event.attendance.length };
}

/** `/api/programmes` and `/api/events`: consultation months and their events. */
export function eventsRoutes(deps: { config: Config; events: EventServices; outcomes?: OutcomeService }): Router {
  const { catalog, attendance, programmes } = deps.events;
  const router = exactRouter();
  const limit = deps.config.bodyLimitBytes;

  router.post('/api/programmes', async (ctx) => {
    ctx.status = 201;
    ctx.body = await programmes.createProgramme(await jsonBody(ctx, programmeSchema, limit));
  });
  router.get('/api/programmes', async (ctx) => {
    ctx.body = { programmes: await programmes.listProgrammes(parseWith(programmeListQuerySchema, ctx.query).state) };
  });
  router.get('/api/programmes/:id', async (ctx) => {
    const { programme, events } = await programmes.getProgramme(ctx.params.id!);
    ctx.body = { ...programme, events: events.map(presentEvent) };
  });
  router.patch('/api/programmes/:id', async (ctx) => {
    ctx.body = await programmes.updateProgramme(ctx.params.id!, await jsonBody(ctx, patchProgrammeSchema, limit));
  });
  router.delete('/api/programmes/:id', async (ctx) => {
    ctx.body = await programmes.cancelProgramme(ctx.params.id!);
  });

  router.post('/api/events', async (ctx) => {
    ctx.status = 201;
    ctx.body = presentEvent(await catalog.createEvent(await jsonBody(ctx, createEventSchema, limit)));
  });
  router.get('/api/events', async (ctx) => {
    const query = parseWith(listQuerySchema, ctx.query);
    const events = await catalog.listEvents({
      ...(query.programmeId ? { programmeId: query.programmeId } : {}),
      ...(query.sector ? { sector: query.sector } : {}),
      ...(query.state ? { states: [query.state] } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
    });
    ctx.body = { events: events.map(presentEvent) };
  });
  router.get('/api/events/:ref', async (ctx) => {
    const event = await catalog.findEvent(ctx.params.ref!);
    const { outcomes } = deps;
    // 协商成果 of its outcome, with their delivery.
    ctx.body = { ...presentEvent(event), outcomes: outcomes ? await outcomes.presentAll(outcomes.forEvent(event.id)) : [] };
  });
  router.patch('/api/events/:ref', async (ctx) => {
    const { outcome, ...changes } = await jsonBody(ctx, patchEventSchema, limit);
    let event =
      Object.keys(changes).length > 0 ? await catalog.updateEvent(ctx.params.ref!, changes) : await catalog.findEvent(ctx.params.ref!);
    if (outcome) event = (await attendance.recordOutcome(event.id, eventActorOf(ctx), outcome.text, outcome.opinionNumbers ?? [])).event;
    ctx.body = presentEvent(event);
  });
  router.post('/api/events/:ref/outcome', async (ctx) => {
    const body = await jsonBody(ctx, outcomeSchema, limit);
    const { event, replaced, linked, resolved, notEscalated, notFound } = await attendance.recordOutcome(
      ctx.params.ref!,
      eventActorOf(ctx),
      body.outcome,
      body.opinionNumbers ?? [],
    );
    ctx.body = { event: presentEvent(event), replaced, linked, resolved, notEscalated, notFound };
  });
  router.delete('/api/events/:ref', async (ctx) => {
    ctx.body = presentEvent(await catalog.cancelEvent(ctx.params.ref!));
  });
  return router;
}

const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const refParam = { name: 'ref', in: 'path', required: true, description: 'event number (e.g. 7) or id', schema: { type: 'string' } };
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** OpenAPI paths of this router. */
export const eventsOpenapiPaths = {
  '/api/programmes': {
    post: {
      summary: 'Create a programme (consultation month): { title, month: "2025-09" } or { title, startDate, endDate }',
      requestBody: requestBodyOf(programmeSchema),
      responses: { 201: ok('The programme'), 400: errorResponse },
    },
    get: {
      summary: 'List programmes, earliest first (filter: state = active | cancelled)',
      responses: { 200: ok('{ programmes }'), 400: errorResponse },
    },
  },
  '/api/programmes/{id}': {
    get: {
      summary: 'A programme with its events',
      parameters: [idParam],
      responses: { 200: ok('The programme and events'), 404: errorResponse },
    },
    patch: {
      summary: 'Change a programme',
      parameters: [idParam],
      requestBody: requestBodyOf(patchProgrammeSchema),
      responses: { 200: ok('The programme'), 400: errorResponse, 404: errorResponse, 409: errorResponse },
    },
    delete: {
      summary:
        'Cancel a programme: its record stays (state cancelled); refused (409) while any of its events is neither cancelled nor done, naming them, and when already cancelled',
      parameters: [idParam],
      responses: { 200: ok('The cancelled programme'), 404: errorResponse, 409: errorResponse },
    },
  },
  '/api/events': {
    post: {
      summary: 'Create an event; its reminders (default 3 days, 1 day, 1 hour before) are enqueued for the target groups',
      requestBody: requestBodyOf(createEventSchema, {
        description: 'Times are ISO date-times with their zone (Beijing: +08:00); targetGroups default to the sectors',
      }),
      responses: { 201: ok('The event'), 400: errorResponse },
    },
    get: {
      summary: 'List events (filters: programmeId, sector, state, from, to)',
      responses: { 200: ok('{ events }'), 400: errorResponse },
    },
  },
  '/api/events/{ref}': {
    get: {
      summary: 'One event with sign-ups, attendance and the 协商成果 items of its outcome (`outcomes`)',
      parameters: [refParam],
      responses: { 200: ok('The event'), 404: errorResponse },
    },
    patch: {
      summary:
        'Change an event (a new time supersedes its pending reminders); `outcome: { text, opinionNumbers }` records the meeting outcome',
      parameters: [refParam],
      requestBody: requestBodyOf(patchEventSchema, { description: 'Only the fields to change; null clears an optional one' }),
      responses: { 200: ok('The event'), 400: errorResponse, 404: errorResponse, 409: errorResponse },
    },
    delete: {
      summary: 'Cancel an event: pending reminders are withdrawn and the groups told',
      parameters: [refParam],
      responses: { 200: ok('The cancelled event'), 404: errorResponse },
    },
  },
  '/api/events/{ref}/outcome': {
    post: {
      summary:
        'Record the meeting outcome `{ outcome, opinionNumbers? }` (numbers in the text count too); escalated opinions among them are resolved with it and their filers asked to rate',
      parameters: [refParam],
      requestBody: requestBodyOf(outcomeSchema),
      responses: {
        200: ok('{ event, replaced, linked, resolved, notEscalated, notFound }'),
        400: errorResponse,
        404: errorResponse,
        409: errorResponse,
      },
    },
  },
};
