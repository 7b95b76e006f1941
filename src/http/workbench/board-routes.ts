import type { OutcomeService } from '../../services/outcomes/outcome-service.js';
import { createHash } from 'node:crypto';
import type Router from '@koa/router';
import type { Context, Next } from 'koa';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import { addDays, beijingInstant } from '../../core/dates.js';
import { YishiError } from '../../core/errors.js';
import type { Messages } from '../../i18n/messages.js';
import type { MemberRepository } from '../../services/members/member-records.js';
import { OPINION_GRADES, OPINION_SORTS, OPINION_STATES } from '../../services/opinions/opinion-records.js';
import type { OpinionService } from '../../services/opinions/opinion-service.js';
import type { RecordsService } from '../../services/records/records-service.js';
import { BOARD_ACTIONS, BoardActions, type BoardAction } from '../../services/workbench/board-actions.js';
import { OpinionBoard, type BoardReads, type BoardViewer } from '../../services/workbench/opinion-board.js';
import type { WorkbenchSessions } from '../../services/workbench/workbench-sessions.js';
import { exactRouter } from '../exact-router.js';
import { requesterOf } from '../requester.js';
import { jsonBody, parseWith } from '../api/validation.js';

const beijingDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  sort: z.enum(OPINION_SORTS).default('-createdAt'),
  state: z.enum(OPINION_STATES).optional(),
  community: z.string().min(1).max(100).optional(),
  category: z.string().min(1).max(100).optional(),
  grade: z.enum(OPINION_GRADES).optional(),
  handler: z.string().min(1).max(100).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  from: beijingDate.optional(),
  to: beijingDate.optional(),
  q: z.string().max(100).optional(),
});

const actionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept') }),
  z.object({ action: z.literal('grade'), grade: z.enum(OPINION_GRADES) }),
  z.object({ action: z.literal('assign'), handlerId: z.string().min(1).max(100) }),
  z.object({ action: z.literal('resolve'), result: z.string().trim().min(1).max(2000) }),
  z.object({ action: z.literal('resolveOnSpot'), result: z.string().trim().min(1).max(2000) }),
  z.object({ action: z.literal('escalate'), reason: z.string().max(500).optional() }),
  z.object({ action: z.literal('decline'), reason: z.string().trim().min(1).max(500) }),
  z.object({ action: z.literal('merge'), into: z.string().trim().min(1).max(40) }),
  z.object({
    action: z.literal('reclassify'),
    community: z.string().trim().min(1).optional(),
    category: z.string().trim().min(1).optional(),
  }),
  z.object({ action: z.literal('reopen'), reason: z.string().trim().min(1).max(500) }),
]);

export interface BoardRoutesDeps {
  opinions: OpinionService;
  members: MemberRepository;
  workbench: WorkbenchSessions;
  records: RecordsService;
  messages: Messages;
  clock: Clock;
  bodyLimitBytes: number;
  /** The mark of the last opinion change (ChangeMarkedOpinions): the change cursor is its hash. */
  opinionChanges: () => Promise<string>;
  /** Where the board's list reads (the read model of this instance). */
  boardReads: BoardReads;
  /** Residents' photos, counted in an opinion's detail. */
  photos: { listFor(opinionNumber: string): Promise<readonly unknown[]> };
  /** 协商成果 shown with each opinion they settle. */
  outcomes?: OutcomeService;
}

const viewerOf = (ctx: Context): BoardViewer => {
  const requester = requesterOf(ctx);
  return requester.kind === 'session' ? { kind: 'member', member: requester.member } : { kind: 'token' };
};

/**
 * The workbench's opinion board (民意看板) under /api/opinions, in front of the admin API's routes:
 * with the admin token the old list and detail answer as before; with a session, the board's.
 * Who may call each route is in route-access.ts; what a member sees is scoped by OpinionBoard.
 */
export function boardRouter(deps: BoardRoutesDeps): Router {
  const router = exactRouter();
  const board = new OpinionBoard({
    opinions: deps.opinions,
    members: deps.members,
    messages: deps.messages,
    clock: deps.clock,
    photos: deps.photos,
    reads: deps.boardReads,
  });
  const actions = new BoardActions({ board, opinions: deps.opinions, members: deps.members, messages: deps.messages });
  /** Machines with the token keep the admin API's own list and detail (docs: /api/openapi.json). */
  const sessionOnly = async (ctx: Context, next: Next, run: () => Promise<void>) =>
    requesterOf(ctx).kind === 'token' && ctx.query.view !== 'board' ? next() : run();

  router.get('/api/opinions', (ctx, next) =>
    sessionOnly(ctx, next, async () => {
      const query = parseWith(listQuery, ctx.query);
      const now = deps.clock.now();
      ctx.body = await board.list(viewerOf(ctx), {
        filter: {
          ...(query.state ? { state: query.state } : {}),
          ...(query.community ? { community: query.community } : {}),
          ...(query.category ? { category: query.category } : {}),
          ...(query.grade ? { grade: query.grade } : {}),
          ...(query.handler ? { handlerId: query.handler } : {}),
          ...(query.overdue === 'true' ? { overdueAt: now } : {}),
          ...(query.from ? { from: beijingInstant(query.from) } : {}),
          ...(query.to ? { to: beijingInstant(addDays(query.to, 1)) } : {}),
        },
        sort: query.sort,
        page: query.page,
        pageSize: query.pageSize,
        words: (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5),
      });
    }),
  );

  router.get('/api/opinions/meta', (ctx) => {
    const t = deps.messages.opinions;
    ctx.body = {
      states: OPINION_STATES.map((code) => ({ code, label: t.states[code] ?? code })),
      grades: OPINION_GRADES.map((code) => ({ code, label: t.grades[code] ?? code })),
      actions: BOARD_ACTIONS.map((code) => ({ code, label: (t.actions as Record<string, string>)[code] ?? code })),
    };
  });

  router.get('/api/opinions/changes', async (ctx) => {
    const cursor = createHash('sha256')
      .update(await deps.opinionChanges())
      .digest('base64url')
      .slice(0, 16);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { cursor, changed: ctx.query.since !== cursor };
  });

  router.post('/api/opinions/assign', async (ctx) => {
    const body = await jsonBody(
      ctx,
      z.object({ ids: z.array(z.string().min(1).max(40)).min(1).max(100), handlerId: z.string().min(1).max(100) }),
      deps.bodyLimitBytes,
    );
    ctx.body = { results: await actions.assignMany(viewerOf(ctx), [...new Set(body.ids)], body.handlerId) };
  });

  router.get('/api/opinions/:id', (ctx, next) =>
    sessionOnly(ctx, next, async () => {
      const detail = await board.detail(viewerOf(ctx), ctx.params.id!);
      const outcomes = deps.outcomes ? await deps.outcomes.presentAll(deps.outcomes.forOpinion(detail.number)) : [];
      ctx.body = { ...detail, outcomes };
    }),
  );

  router.post('/api/opinions/:id/contact', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { contact: await board.revealContact(viewerOf(ctx), ctx.params.id!) };
  });

  router.post('/api/opinions/:id/preview', async (ctx) => {
    const request = (await jsonBody(ctx, actionBody, deps.bodyLimitBytes)) as BoardAction;
    ctx.body = await actions.preview(viewerOf(ctx), ctx.params.id!, request);
  });

  router.post('/api/opinions/:id/actions', async (ctx) => {
    const request = (await jsonBody(ctx, actionBody, deps.bodyLimitBytes)) as BoardAction;
    const updated = await actions.run(viewerOf(ctx), ctx.params.id!, request);
    ctx.body = await board.detail(viewerOf(ctx), updated.number);
  });

  router.get('/api/records/me', async (ctx) => {
    const requester = requesterOf(ctx);
    if (requester.kind !== 'session')
      throw new YishiError('session_missing', { status: 401, userMessage: deps.messages.workbench.errors.session_missing });
    const text = await deps.records.card(requester.member.id, deps.records.period('今年'));
    ctx.body = { text: text ?? '' };
  });

  return router;
}
