import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { YishiError } from '../../core/errors.js';
import { OPINION_NUMBER_PATTERN } from '../../core/opinion-number.js';
import type { Actor } from '../../core/roles.js';
import type { Messages } from '../../i18n/messages.js';
import type { EventServices } from '../../services/events/event-services.js';
import { OUTCOME_STATES, type OutcomeFilter } from '../../services/outcomes/outcome-records.js';
import type { OutcomeInput, OutcomeService } from '../../services/outcomes/outcome-service.js';
import { workbenchActor } from '../../services/workbench/workbench-sessions.js';
import { exactRouter } from '../exact-router.js';
import { requesterOf } from '../requester.js';
import { errorResponse, jsonBody, parseWith, requestBodyOf } from './validation.js';

export interface OutcomeRoutesDeps {
  outcomes: OutcomeService;
  events: EventServices;
  messages: Messages;
  bodyLimitBytes: number;
}

const text = (max: number) => z.string().trim().min(1).max(max);
const opinionNumber = z.string().regex(OPINION_NUMBER_PATTERN, 'must be an opinion number such as MY-2026-000123');

/** A new 成果 item: from an event (number or id) or an escalated opinion; a unit or a member responsible; a Beijing due date. */
export const createOutcomeSchema = z.strictObject({
  event: z.union([z.number().int().min(1), text(40)]).optional(),
  opinion: opinionNumber.optional(),
  text: text(1000),
  responsibleUnit: text(100).optional(),
  responsibleMemberId: z
    .string()
    .regex(/^[0-9a-f]{24}$/i, 'must be a member id')
    .optional(),
  /** YYYY-MM-DD, Beijing; today or later. */
  dueDate: text(20),
  /** For an event: which of its outcome's opinions this item settles (default: all). */
  opinionNumbers: z.array(opinionNumber).max(100).optional(),
});

/**
 * Settle an item: 已落实 (delivered) or 未落实 (not-delivered, with the reason); or take one settled by
 * mistake back to 落实中 (in-progress, with the reason: 重新落实).
 */
export const updateOutcomeSchema = z.strictObject({
  state: z.enum(OUTCOME_STATES),
  /** The reason for not-delivered and in-progress (required); a note on delivery. */
  note: z.string().trim().max(1000).optional(),
});

/** 延期: the new due date (YYYY-MM-DD, Beijing; later than the current one, not in the past) and why. */
export const extendOutcomeSchema = z.strictObject({
  dueDate: text(20),
  reason: z.string().trim().max(1000),
});

const listQuery = z.object({
  state: z.enum(OUTCOME_STATES).optional(),
  event: z.string().trim().min(1).max(40).optional(),
  opinion: opinionNumber.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

/** Who acts through the API: the signed-in staff member, or the admin token. */
const actorOf = (ctx: Context, messages: Messages): Actor => {
  const requester = requesterOf(ctx);
  return requester.kind === 'session'
    ? workbenchActor(requester.member)
    : { role: 'admin', name: messages.outcomes.apiActor, platform: 'admin-api', platformUserId: 'admin-api' };
};

/**
 * 协商成果 for the office (staff, or the admin token): list with filters (overdue among them),
 * create for an event or an escalated opinion, read one, settle it. Same service as chat.
 */
export function outcomesRouter(deps: OutcomeRoutesDeps): Router {
  const router = exactRouter();
  const { outcomes } = deps;
  const t = deps.messages.outcomes;

  router.get('/api/outcomes', async (ctx) => {
    const query = parseWith(listQuery, ctx.query);
    const eventId = query.event ? (await deps.events.catalog.findEvent(query.event)).id : undefined;
    const filter: OutcomeFilter = {
      ...(query.state ? { states: [query.state] } : {}),
      ...(eventId ? { eventId } : {}),
      ...(query.opinion ? { opinionNumber: query.opinion } : {}),
    };
    const overdue = query.overdue === undefined ? undefined : query.overdue === 'true';
    ctx.body = { items: await outcomes.presentAll(outcomes.search(filter, overdue)) };
  });

  /** The service's input from a create body: exactly one source and one responsible party, else a clear sentence. */
  const inputOf = (body: z.infer<typeof createOutcomeSchema>): OutcomeInput => {
    const sources = [body.event, body.opinion].filter((s) => s !== undefined);
    if (sources.length !== 1)
      throw new YishiError('invalid_request', {
        status: 400,
        userMessage: '请求无效：event（活动编号）和 opinion（民意编号）要写且只写一个。',
      });
    if ((body.responsibleMemberId === undefined) === (body.responsibleUnit === undefined))
      throw new YishiError('invalid_request', { status: 400, userMessage: t.errors.responsibleEmpty });
    return {
      source: String(sources[0]),
      text: body.text,
      responsible: body.responsibleMemberId !== undefined ? { memberId: body.responsibleMemberId } : { unit: body.responsibleUnit! },
      dueDate: body.dueDate,
      ...(body.opinionNumbers ? { opinionNumbers: body.opinionNumbers } : {}),
    };
  };

  // The workbench's confirmation step: what would be entered and who would be told; nothing changes.
  router.post('/api/outcomes/preview', async (ctx) => {
    const { item, source, responsibleName } = await outcomes.check(inputOf(await jsonBody(ctx, createOutcomeSchema, deps.bodyLimitBytes)));
    ctx.body = {
      changes: [
        t.preview(source, item.text, responsibleName, item.dueDate),
        ...(item.opinionNumbers.length ? [t.settles(item.opinionNumbers.join('、'))] : []),
      ],
      notified: item.responsible.kind === 'member' ? [responsibleName] : [],
    };
  });

  router.post('/api/outcomes', async (ctx) => {
    const body = await jsonBody(ctx, createOutcomeSchema, deps.bodyLimitBytes);
    const item = await outcomes.create(actorOf(ctx, deps.messages), inputOf(body));
    ctx.status = 201;
    ctx.body = await outcomes.present(item);
  });

  router.post('/api/outcomes/:number/preview', async (ctx) => {
    const body = await jsonBody(ctx, updateOutcomeSchema, deps.bodyLimitBytes);
    ctx.body = await outcomes.stepPreview(ctx.params.number!, { to: body.state, ...(body.note ? { note: body.note } : {}) });
  });

  // 延期: the confirmation step first (nothing changes), then the change itself.
  router.post('/api/outcomes/:number/extension/preview', async (ctx) => {
    const body = await jsonBody(ctx, extendOutcomeSchema, deps.bodyLimitBytes);
    ctx.body = await outcomes.extensionPreview(ctx.params.number!, body);
  });

  router.post('/api/outcomes/:number/extension', async (ctx) => {
    const body = await jsonBody(ctx, extendOutcomeSchema, deps.bodyLimitBytes);
    ctx.body = await outcomes.present(await outcomes.extend(actorOf(ctx, deps.messages), ctx.params.number!, body));
  });

  router.get('/api/outcomes/:number', async (ctx) => {
    ctx.body = await outcomes.present(await outcomes.load(ctx.params.number!));
  });

  router.patch('/api/outcomes/:number', async (ctx) => {
    const body = await jsonBody(ctx, updateOutcomeSchema, deps.bodyLimitBytes);
    const item = await outcomes.advance(actorOf(ctx, deps.messages), ctx.params.number!, {
      to: body.state,
      ...(body.note ? { note: body.note } : {}),
    });
    ctx.body = await outcomes.present(item);
  });

  return router;
}

const numberParameter = { name: 'number', in: 'path', required: true, schema: { type: 'string', example: 'CG-2026-0001' } };
const itemDoc = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    number: { type: 'string', example: 'CG-2026-0001' },
    text: { type: 'string' },
    responsible: {
      type: 'object',
      properties: {
        kind: { type: 'string', enum: ['unit', 'member'] },
        name: { type: 'string', description: 'The unit' },
        memberId: { type: 'string' },
      },
    },
    responsibleName: { type: 'string', description: 'The unit, or the member’s name as the directory has it now' },
    dueDate: { type: 'string', format: 'date', description: 'Beijing date' },
    state: { type: 'string', enum: [...OUTCOME_STATES] },
    stateLabel: { type: 'string', description: '落实中, 已落实, 未落实' },
    overdue: { type: 'boolean', description: 'Still 落实中 after the due date' },
    reason: { type: 'string', description: 'Why it was not delivered' },
    eventId: { type: 'string' },
    eventNumber: { type: 'integer' },
    opinionNumbers: { type: 'array', items: { type: 'string' } },
    supervisedAt: { type: 'string', format: 'date-time', description: 'When the one 督办 notice for the current due date went out' },
    extensions: { type: 'integer', description: 'How many times the due date was put back (延期)' },
    deliveredAt: { type: 'string', format: 'date-time' },
    steps: { type: 'array', items: { type: 'object' } },
  },
};
const json = (schema: unknown) => ({ 'application/json': { schema } });
const previewDoc = {
  description: '{ changes, notified }: the sentences the confirmation shows',
  content: json({
    type: 'object',
    properties: { changes: { type: 'array', items: { type: 'string' } }, notified: { type: 'array', items: { type: 'string' } } },
  }),
};

/** OpenAPI paths of this router. */
export const outcomesOpenapiPaths = {
  '/api/outcomes': {
    get: {
      summary: '协商成果: items, earliest due first; filter by state, event (number or id), opinion and overdue=true',
      parameters: [
        { name: 'state', in: 'query', required: false, schema: { type: 'string', enum: [...OUTCOME_STATES] } },
        { name: 'event', in: 'query', required: false, schema: { type: 'string' } },
        { name: 'opinion', in: 'query', required: false, schema: { type: 'string' } },
        { name: 'overdue', in: 'query', required: false, schema: { type: 'string', enum: ['true', 'false'] } },
      ],
      responses: {
        200: { description: 'The items', content: json({ type: 'object', properties: { items: { type: 'array', items: itemDoc } } }) },
        400: errorResponse,
        404: errorResponse,
      },
    },
    post: {
      summary:
        'Enter a 成果 item for an event with a recorded outcome, or for an escalated opinion; due today or later; a responsible member is told',
      requestBody: requestBodyOf(createOutcomeSchema, {
        description: 'Exactly one of event and opinion, and one of responsibleUnit and responsibleMemberId; dueDate YYYY-MM-DD (Beijing)',
      }),
      responses: { 201: { description: 'The item', content: json(itemDoc) }, 400: errorResponse, 404: errorResponse, 409: errorResponse },
    },
  },
  '/api/outcomes/preview': {
    post: {
      summary: 'What POST /api/outcomes would enter and who would be told (the workbench’s confirmation); nothing changes',
      requestBody: requestBodyOf(createOutcomeSchema),
      responses: { 200: previewDoc, 400: errorResponse, 404: errorResponse, 409: errorResponse },
    },
  },
  '/api/outcomes/{number}/preview': {
    post: {
      summary: 'What PATCH /api/outcomes/{number} would change and who would be told; nothing changes',
      parameters: [numberParameter],
      requestBody: requestBodyOf(updateOutcomeSchema),
      responses: { 200: previewDoc, 400: errorResponse, 404: errorResponse, 409: errorResponse },
    },
  },
  '/api/outcomes/{number}/extension/preview': {
    post: {
      summary: 'What POST /api/outcomes/{number}/extension would change and who would be told; nothing changes',
      parameters: [numberParameter],
      requestBody: requestBodyOf(extendOutcomeSchema),
      responses: { 200: previewDoc, 400: errorResponse, 404: errorResponse, 409: errorResponse },
    },
  },
  '/api/outcomes/{number}/extension': {
    post: {
      summary:
        '延期: put back the due date of an item 落实中, with the reason; audited, the 督办 mark is cleared so the new date gets its own reminder and 督办; a responsible member is told',
      parameters: [numberParameter],
      requestBody: requestBodyOf(extendOutcomeSchema, {
        description: 'dueDate YYYY-MM-DD (Beijing), later than the current one and not past',
      }),
      responses: { 200: { description: 'The item', content: json(itemDoc) }, 400: errorResponse, 404: errorResponse, 409: errorResponse },
    },
  },
  '/api/outcomes/{number}': {
    get: {
      summary: 'One item with its steps',
      parameters: [numberParameter],
      responses: { 200: { description: 'The item', content: json(itemDoc) }, 400: errorResponse, 404: errorResponse },
    },
    patch: {
      summary:
        'Settle an item: delivered (the filers of its opinions are told) or not-delivered with the reason in note; in-progress with the reason takes a settled item back (重新落实, a delivery credit is withdrawn)',
      parameters: [numberParameter],
      requestBody: requestBodyOf(updateOutcomeSchema),
      responses: { 200: { description: 'The item', content: json(itemDoc) }, 400: errorResponse, 404: errorResponse, 409: errorResponse },
    },
  },
};
