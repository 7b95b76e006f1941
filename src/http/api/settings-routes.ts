import type Router from '@koa/router';
import { z } from 'zod';
import type { OpinionService } from '../../services/opinions/opinion-service.js';
import { errorResponse, jsonBody } from './validation.js';

/** A time limit is a whole number of working days, 1 to 60: 0, 2.5 or 1e-300 would make every opinion overdue at once. */
const days = z.number().int().min(1).max(60);
const limitsSchema = z.strictObject({ simple: days, general: days, complex: days });

/**
 * Time limits per grade (days): GET and PUT /api/settings/time-limits (PATCH changes some); the
 * reopening window: GET and PUT /api/settings/reopen-window `{ days }` (1–90, default 7).
 */
export function settingsRoutes(router: Router, deps: { opinions: OpinionService; bodyLimitBytes: number }): void {
  router.get('/api/settings/time-limits', async (ctx) => {
    ctx.body = await deps.opinions.timeLimits();
  });
  router.put('/api/settings/time-limits', async (ctx) => {
    ctx.body = await deps.opinions.setTimeLimits(await jsonBody(ctx, limitsSchema, deps.bodyLimitBytes));
  });
  router.patch('/api/settings/time-limits', async (ctx) => {
    const changes = await jsonBody(ctx, limitsSchema.partial(), deps.bodyLimitBytes);
    ctx.body = await deps.opinions.setTimeLimits({ ...(await deps.opinions.timeLimits()), ...changes });
  });
  // How many days after 办结 the filer may reopen an opinion (or send it back with 不满意).
  router.get('/api/settings/reopen-window', async (ctx) => {
    ctx.body = { days: await deps.opinions.reopenDays() };
  });
  router.put('/api/settings/reopen-window', async (ctx) => {
    const { days } = await jsonBody(ctx, z.strictObject({ days: z.number().int().min(1).max(90) }), deps.bodyLimitBytes);
    ctx.body = { days: await deps.opinions.setReopenDays(days) };
  });
}

const limitsDoc = {
  type: 'object',
  properties: {
    simple: { type: 'integer', minimum: 1, maximum: 60 },
    general: { type: 'integer', minimum: 1, maximum: 60 },
    complex: { type: 'integer', minimum: 1, maximum: 60 },
  },
  description: 'Working days per grade, whole numbers from 1 to 60 (defaults 3, 7, 15)',
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
      summary: 'Time limits per grade, in days',
      responses: { 200: { description: 'The limits', content: { 'application/json': { schema: limitsDoc } } } },
    },
    put: {
      summary: 'Set all time limits',
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
};
