import type Router from '@koa/router';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import { YishiError } from '../../core/errors.js';
import { readPeriod, type Period } from '../../services/records/periods.js';
import { POINT_KINDS, type PointsRules } from '../../services/points/points-rules.js';
import type { PointsService } from '../../services/points/points-service.js';
import type { Messages } from '../../i18n/messages.js';
import { exactRouter } from '../exact-router.js';
import { requesterOf } from '../requester.js';
import { errorResponse, jsonBody, notFound } from './validation.js';
import type { MemberRepository } from '../../services/members/member-records.js';

const kind = z.enum(POINT_KINDS);
const rulesBody = z.strictObject({
  rules: z
    .array(z.strictObject({ kind, points: z.number().int().min(0).max(100), cap: z.number().int().min(0).max(1000).optional() }))
    .max(POINT_KINDS.length)
    .refine((rules) => new Set(rules.map((r) => r.kind)).size === rules.length, 'lists a kind twice'),
  minimums: z
    .array(z.strictObject({ kind, count: z.number().int().min(1).max(100) }))
    .max(POINT_KINDS.length)
    .refine((minimums) => new Set(minimums.map((m) => m.kind)).size === minimums.length, 'lists a kind twice'),
});

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * 履职积分 for the office's assessment: every member's points (in name order: no ranking), one
 * member's with the items behind them, the signed-in member's own (any member), and the rules (GET
 * for staff, PUT for admins).
 */
export function pointsRouter(deps: {
  points: PointsService;
  members: MemberRepository;
  clock: Clock;
  messages: Messages;
  bodyLimitBytes: number;
}): Router {
  const router = exactRouter();
  const periodOf = (query: Record<string, string | string[] | undefined>): Period => {
    const input = { period: single(query.period), from: single(query.from), to: single(query.to) };
    const asked = input.period !== undefined || input.from !== undefined || input.to !== undefined;
    const period = readPeriod(asked ? input : { period: '今年' }, deps.clock.now());
    if (!period)
      throw new YishiError('invalid_request', {
        status: 400,
        userMessage: '请求无效：period 可写 今年、本季度、2026、2026-Q4 等，或用 from 和 to 写 YYYY-MM-DD（from 不晚于 to）。',
      });
    return period;
  };

  router.get('/api/points', async (ctx) => {
    const period = periodOf(ctx.query);
    const sheets = await deps.points.forAll(period);
    ctx.body = {
      period,
      members: sheets.map(({ member, sheet }) => ({ memberId: member.id, name: member.name, sector: member.sector, ...sheet })),
    };
  });
  // The signed-in member's own points (我的履职 in the workbench; as 我的积分 in chat). Before /:memberId.
  router.get('/api/points/me', async (ctx) => {
    const requester = requesterOf(ctx);
    if (requester.kind !== 'session')
      throw new YishiError('session_missing', { status: 401, userMessage: deps.messages.workbench.errors.session_missing });
    const period = periodOf(ctx.query);
    const { member } = requester;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { period, memberId: member.id, name: member.name, ...(await deps.points.forMember(member.id, period)) };
  });
  router.get('/api/points/:memberId', async (ctx) => {
    const member = await deps.members.findById(ctx.params.memberId!);
    if (!member) throw notFound('member', ctx.params.memberId!);
    const period = periodOf(ctx.query);
    ctx.body = { period, memberId: member.id, name: member.name, ...(await deps.points.forMember(member.id, period)) };
  });
  router.get('/api/settings/points-rules', async (ctx) => {
    ctx.body = await deps.points.rules();
  });
  router.put('/api/settings/points-rules', async (ctx) => {
    const body = await jsonBody(ctx, rulesBody, deps.bodyLimitBytes);
    const rules: PointsRules = {
      rules: body.rules.map((r) => ({ kind: r.kind, points: r.points, ...(r.cap !== undefined ? { cap: r.cap } : {}) })),
      minimums: body.minimums,
    };
    ctx.body = await deps.points.setRules(rules);
  });
  return router;
}

const rulesDoc = {
  type: 'object',
  required: ['rules', 'minimums'],
  additionalProperties: false,
  properties: {
    rules: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'points'],
        properties: { kind: { type: 'string', enum: [...POINT_KINDS] }, points: { type: 'integer' }, cap: { type: 'integer' } },
      },
    },
    minimums: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'count'],
        properties: { kind: { type: 'string', enum: [...POINT_KINDS] }, count: { type: 'integer' } },
      },
    },
  },
};
const period = [
  { name: 'period', in: 'query', required: false, schema: { type: 'string' }, description: '今年 (default), 2026, 2026-Q4…' },
];
const json = (schema: unknown) => ({ 'application/json': { schema } });

export const pointsOpenapiPaths = {
  '/api/points': {
    get: {
      summary: '履职积分 of every active member for a period, in name order (no ranking), with the items behind each line',
      parameters: period,
      responses: { 200: { description: 'The points', content: json({ type: 'object' }) }, 400: errorResponse },
    },
  },
  '/api/points/me': {
    get: {
      summary: 'The signed-in member’s own 履职积分 (session only; any member), with the items behind each line',
      parameters: period,
      responses: { 200: { description: 'The points', content: json({ type: 'object' }) }, 400: errorResponse, 401: errorResponse },
    },
  },
  '/api/points/{memberId}': {
    get: {
      summary: 'One member’s 履职积分 for a period, with the items behind each line and the yearly minimum',
      parameters: [{ name: 'memberId', in: 'path', required: true, schema: { type: 'string' } }, ...period],
      responses: { 200: { description: 'The points', content: json({ type: 'object' }) }, 404: errorResponse },
    },
  },
  '/api/settings/points-rules': {
    get: {
      summary: 'The office’s points rules (points per kind, caps, the yearly minimum)',
      responses: { 200: { description: 'The rules', content: json(rulesDoc) } },
    },
    put: {
      summary: 'Replace the points rules (admins)',
      requestBody: { required: true, content: json(rulesDoc) },
      responses: { 200: { description: 'The rules', content: json(rulesDoc) }, 400: errorResponse },
    },
  },
};
