import type Router from '@koa/router';
import { z } from 'zod';
import type { PersonErasure } from '../../services/privacy/person-erasure.js';
import { errorResponse, jsonBody } from './validation.js';

const erasureBody = z.object({
  /** Why (required): it goes into the erasure log. */
  reason: z.string().trim().min(1, 'is required').max(500),
  /** The operator's name, for the log. */
  by: z.string().trim().min(1).max(100).optional(),
});

/**
 * `POST /api/members/:id/erase` and `POST /api/residents/:id/erase` (`:id` may be the number of an
 * opinion the resident filed): erasing a person's personal data, an audited act separate from
 * deactivation. 201 with the erasure log entry; 200 with the earlier entry when nothing was left.
 */
export function erasureRoutes(router: Router, deps: { erasure: PersonErasure; bodyLimitBytes: number }): void {
  router.post('/api/members/:id/erase', async (ctx) => {
    const body = await jsonBody(ctx, erasureBody, deps.bodyLimitBytes);
    const { outcome, erasure } = await deps.erasure.eraseMember(ctx.params.id!, body);
    ctx.status = outcome === 'erased' ? 201 : 200;
    ctx.body = { outcome, erasure };
  });
  router.post('/api/residents/:id/erase', async (ctx) => {
    const body = await jsonBody(ctx, erasureBody, deps.bodyLimitBytes);
    const { outcome, erasure } = await deps.erasure.eraseResident(ctx.params.id!, body);
    ctx.status = outcome === 'erased' ? 201 : 200;
    ctx.body = { outcome, erasure };
  });
}

const erasureRequestDoc = {
  type: 'object',
  required: ['reason'],
  properties: {
    reason: { type: 'string', maxLength: 500, description: 'Why the data is erased (required; kept in the erasure log)' },
    by: { type: 'string', maxLength: 100, description: 'The operator asking (kept in the log; default admin-api)' },
  },
};
const erasureAnswerDoc = {
  type: 'object',
  properties: {
    outcome: { type: 'string', enum: ['erased', 'already'] },
    erasure: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        subject: { type: 'string', enum: ['member', 'resident'] },
        subjectId: { type: 'string' },
        by: { type: 'string' },
        reason: { type: 'string' },
        erased: { type: 'array', items: { type: 'string' } },
        opinions: { type: 'integer', description: 'Opinions the person was taken out of' },
        at: { type: 'string', format: 'date-time' },
      },
    },
  },
};
const answers = {
  201: { description: 'Erased; the erasure log entry', content: { 'application/json': { schema: erasureAnswerDoc } } },
  200: { description: 'Nothing was left to erase; the earlier entry', content: { 'application/json': { schema: erasureAnswerDoc } } },
  400: errorResponse,
  404: errorResponse,
};

export const erasureOpenapiPaths = {
  '/api/members/{id}/erase': {
    post: {
      summary:
        'Erase a deactivated member’s personal data (name → 已删除成员; phone and platform ids removed; their name taken out of opinion audit lines). Audited; idempotent. 409 while the member is active.',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: { required: true, content: { 'application/json': { schema: erasureRequestDoc } } },
      responses: { ...answers, 409: errorResponse },
    },
  },
  '/api/residents/{id}/erase': {
    post: {
      summary:
        'Erase a resident’s contact (name, phone) and the address they filed from on their opinions. `id` is the resident id or the number of an opinion they filed (MY-2026-000123). Audited; idempotent.',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: { required: true, content: { 'application/json': { schema: erasureRequestDoc } } },
      responses: answers,
    },
  },
};
