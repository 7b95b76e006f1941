import type Router from '@koa/router';
import { z } from 'zod';
import type { Messages } from '../../i18n/messages.js';
import { EVENT_STATES } from '../../services/events/event-records.js';
import type { EventServices } from '../../services/events/event-services.js';
import type { MemberRepository } from '../../services/members/member-records.js';
import { eventActorOf, outcomeSchema, presentEvent } from '../api/events-routes.js';
import { errorResponse, jsonBody, requestBodyOf } from '../api/validation.js';
import { exactRouter } from '../exact-router.js';

const checkInSchema = z.strictObject({ memberId: z.string().regex(/^[0-9a-f]{24}$/i, 'must be a member id') });

export interface EventDeskDeps {
  events: EventServices;
  members: Pick<MemberRepository, 'findById'>;
  messages: Messages;
  bodyLimitBytes: number;
}

/** One person of an event's sign-up list, with their attendance. */
export interface EventPerson {
  memberId: string;
  name: string;
  sector?: string;
  signedUpAt?: Date;
  checkedInAt?: Date;
}

/**
 * The workbench's event desk (活动): the sign-up list with attendance, check-in by staff, and the
 * confirmation of 活动结果 before it is recorded. Each calls the same event services as chat.
 */
export function eventDeskRouter(deps: EventDeskDeps): Router {
  const { catalog, attendance } = deps.events;
  const router = exactRouter();

  router.get('/api/events/meta', (ctx) => {
    const t = deps.messages.events;
    ctx.body = { states: EVENT_STATES.map((code) => ({ code, label: t.states[code] ?? code })) };
  });

  router.get('/api/events/:ref/people', async (ctx) => {
    const event = await catalog.findEvent(ctx.params.ref!);
    const people = new Map<string, EventPerson>();
    const personOf = async (memberId: string): Promise<EventPerson> => {
      const known = people.get(memberId);
      if (known) return known;
      const member = await deps.members.findById(memberId);
      const person: EventPerson = { memberId, name: member?.name ?? memberId, ...(member?.sector ? { sector: member.sector } : {}) };
      people.set(memberId, person);
      return person;
    };
    for (const signup of event.signups) (await personOf(signup.memberId)).signedUpAt = signup.at;
    for (const check of event.attendance) (await personOf(check.memberId)).checkedInAt = check.at;
    ctx.body = { people: [...people.values()] };
  });

  router.post('/api/events/:ref/check-ins', async (ctx) => {
    const { memberId } = await jsonBody(ctx, checkInSchema, deps.bodyLimitBytes);
    const { event, at } = await attendance.checkIn(ctx.params.ref!, memberId);
    ctx.body = { event: presentEvent(event), at };
  });

  router.post('/api/events/:ref/outcome/preview', async (ctx) => {
    const body = await jsonBody(ctx, outcomeSchema, deps.bodyLimitBytes);
    const t = deps.messages.events;
    const { event, linked } = await attendance.checkOutcome(ctx.params.ref!, eventActorOf(ctx), body.outcome, body.opinionNumbers ?? []);
    const numbers = linked.join(t.listSeparator);
    ctx.body = {
      changes: [t.outcome.preview(event.number, event.title, body.outcome, numbers)],
      notified: linked.length > 0 ? [t.outcome.filersOf(numbers)] : [],
    };
  });

  return router;
}

const refParam = { name: 'ref', in: 'path', required: true, description: 'event number (e.g. 7) or id', schema: { type: 'string' } };
const json = (schema: object) => ({ content: { 'application/json': { schema } } });

/** OpenAPI paths of the event desk. */
export const eventDeskOpenapiPaths = {
  '/api/events/meta': {
    get: {
      summary: 'The event states with their Chinese labels, as chat shows them',
      responses: { 200: { description: '{ states: [{ code, label }] }' } },
    },
  },
  '/api/events/{ref}/people': {
    get: {
      summary: 'The sign-up list with attendance: everyone signed up or checked in, with their names',
      parameters: [refParam],
      responses: {
        200: {
          description: '{ people }',
          ...json({
            type: 'object',
            properties: {
              people: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    memberId: { type: 'string' },
                    name: { type: 'string' },
                    sector: { type: 'string' },
                    signedUpAt: { type: 'string', format: 'date-time' },
                    checkedInAt: { type: 'string', format: 'date-time' },
                  },
                },
              },
            },
          }),
        },
        404: errorResponse,
      },
    },
  },
  '/api/events/{ref}/check-ins': {
    post: {
      summary: 'Check a member in (签到) as staff: the rules of chat’s 签到 (from 30 minutes before the start until the end)',
      parameters: [refParam],
      requestBody: requestBodyOf(checkInSchema),
      responses: { 200: { description: '{ event, at }' }, 400: errorResponse, 404: errorResponse, 409: errorResponse },
    },
  },
  '/api/events/{ref}/outcome/preview': {
    post: {
      summary: 'What recording this outcome will change and who will be told (the confirmation of 活动结果); changes nothing',
      parameters: [refParam],
      requestBody: requestBodyOf(outcomeSchema),
      responses: {
        200: {
          description: '{ changes, notified }: Chinese sentences',
          ...json({
            type: 'object',
            properties: {
              changes: { type: 'array', items: { type: 'string' } },
              notified: { type: 'array', items: { type: 'string' } },
            },
          }),
        },
        400: errorResponse,
        403: errorResponse,
        404: errorResponse,
        409: errorResponse,
      },
    },
  },
};
