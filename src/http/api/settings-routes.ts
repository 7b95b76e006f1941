import type Router from '@koa/router';
import { z } from 'zod';
import type { OpinionService } from '../../services/opinions/opinion-service.js';
import { errorResponse, jsonBody } from './validation.js';

const days = z.number().positive('must be a positive number of days').max(365, 'must be at most 365 days');
const limitsSchema = z.object({ simple: days, general: days, complex: days });

/** Time limits per grade (days): GET and PUT /api/settings/time-limits (PATCH changes some). */
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
}

const limitsDoc = {
  type: 'object',
  properties: { simple: { type: 'number' }, general: { type: 'number' }, complex: { type: 'number' } },
  description: 'Days per grade (defaults 3, 7, 15)',
};

export const settingsOpenapiPaths = {
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
