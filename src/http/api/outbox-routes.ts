import type Router from '@koa/router';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import type { MemberRepository } from '../../services/members/member-records.js';
import { describeRecipient, explainFailure } from '../../services/outbox-failures.js';
import type { OutboxMaintenance } from '../../services/outbox-records.js';
import { exactRouter } from '../exact-router.js';
import { requesterOf } from '../requester.js';
import { errorResponse, jsonBody, parseWith } from './validation.js';

const retrySchema = z.union([
  z.strictObject({ ids: z.array(z.string().trim().min(1).max(64)).min(1).max(500) }),
  z.strictObject({ all: z.literal(true) }),
]);

/**
 * The outbox's failed notices for the office (the workbench's 通知; the CLI's `yishi outbox`):
 * - `GET /api/outbox/failed?limit=50` → oldest first, each with who it was for and why it failed, in Chinese;
 * - `POST /api/outbox/retry` `{ ids }` or `{ all: true }` → queued again, due now; written to the log
 *   with `audit: "outbox-retry"` and who asked.
 */
export function outboxRouter(deps: {
  maintenance: OutboxMaintenance;
  members: MemberRepository;
  clock: Clock;
  messages: Messages;
  bodyLimitBytes: number;
}): Router {
  const router = exactRouter();

  router.get('/api/outbox/failed', async (ctx) => {
    const { limit } = parseWith(z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }), ctx.query);
    const { items, total } = await deps.maintenance.listFailed(limit);
    ctx.body = {
      total,
      items: await Promise.all(
        items.map(async (item) => ({
          id: item.id,
          dueAt: item.dueAt,
          createdAt: item.createdAt,
          attempts: item.attempts,
          recipient: await describeRecipient(item.recipient, deps.members, deps.messages),
          reason: explainFailure(item.lastError, deps.messages),
          detail: item.lastError ?? '',
          text: item.message.text,
        })),
      ),
    };
  });

  router.post('/api/outbox/retry', async (ctx) => {
    const body = await jsonBody(ctx, retrySchema, deps.bodyLimitBytes);
    const now = deps.clock.now();
    const requester = requesterOf(ctx);
    const by = requester.kind === 'session' ? { memberId: requester.member.id, name: requester.member.name } : { token: true };
    const audit = (ctx.state.log as Logger).child({ audit: 'outbox-retry' });
    if ('all' in body) {
      const queued = await deps.maintenance.retryAll(now);
      audit.info({ by, all: true, queued }, 'failed notices queued again');
      ctx.body = { queued, notFailed: [] };
      return;
    }
    const ids = [...new Set(body.ids)];
    const queued = await deps.maintenance.retry(ids, now);
    audit.info({ by, ids, queued }, 'failed notices queued again');
    ctx.body = { queued: queued.length, notFailed: ids.filter((id) => !queued.includes(id)) };
  });
  return router;
}

const failedItem = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    dueAt: { type: 'string', format: 'date-time' },
    createdAt: { type: 'string', format: 'date-time' },
    attempts: { type: 'integer' },
    recipient: { type: 'string', description: 'member name, #group key, or a masked resident' },
    reason: { type: 'string', description: 'why it failed, in the configured language (Chinese)' },
    detail: { type: 'string', description: 'what the platform or the outbox recorded (English)' },
    text: { type: 'string' },
  },
};

export const outboxOpenapiPaths = {
  '/api/outbox/failed': {
    get: {
      summary: 'Failed notices, oldest first, with who they were for and why (staff)',
      parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } }],
      responses: {
        200: {
          description: '{ items, total }',
          content: {
            'application/json': {
              schema: { type: 'object', properties: { items: { type: 'array', items: failedItem }, total: { type: 'integer' } } },
            },
          },
        },
        400: errorResponse,
      },
    },
  },
  '/api/outbox/retry': {
    post: {
      summary: 'Queue failed notices again, due now (audited: outbox-retry)',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              oneOf: [
                { type: 'object', required: ['ids'], properties: { ids: { type: 'array', items: { type: 'string' } } } },
                { type: 'object', required: ['all'], properties: { all: { type: 'boolean', enum: [true] } } },
              ],
            },
          },
        },
      },
      responses: {
        200: {
          description: 'How many were queued; ids that were not failed notices',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { queued: { type: 'integer' }, notFailed: { type: 'array', items: { type: 'string' } } },
              },
            },
          },
        },
        400: errorResponse,
      },
    },
  },
};
