import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Logger } from '../logger.js';
import type { Messages } from '../i18n/messages.js';
import { answerForCallerError, answerForYishiError, codeForStatus, sentenceFor } from './error-body.js';
import type { Metrics } from './metrics.js';

declare module 'koa' {
  interface DefaultState {
    requestId: string;
    log: Logger;
  }
}

/** Gives every request an id (or keeps the caller's X-Request-Id) and a child logger carrying it. */
export function requestContext(logger: Logger) {
  return async (ctx: Context, next: Next) => {
    const incoming = ctx.get('x-request-id');
    const requestId = /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.state.log = logger.child({ requestId });
    ctx.set('X-Request-Id', requestId);
    await next();
  };
}

/** Counts and times every request by its matched route (not the raw path, to keep labels few). */
export function requestMetrics(metrics: Metrics) {
  return async (ctx: Context, next: Next) => {
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const route = (ctx as Context & { _matchedRoute?: string })._matchedRoute ?? 'unmatched';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpRequests.inc({ method: ctx.method, route: String(route), status: String(ctx.status) });
      metrics.httpDuration.observe({ method: ctx.method, route: String(route) }, seconds);
    }
  };
}

/**
 * The one boundary where unknown throws become responses. Every error body is
 * `{ error: { code, message } }`: a stable code and one sentence in the configured language, never
 * a library's message (details go to the log with the request id). Bad input is a 4xx; only
 * Yishi's own faults are 500.
 */
export function errorBoundary(messages: Messages) {
  const t = messages.http;
  return async (ctx: Context, next: Next) => {
    try {
      await next();
      if (ctx.status >= 400 && ctx.body == null && ctx.method !== 'HEAD') {
        // Koa's 404 and the router's 405 come without a body; they get the same shape as the rest.
        const status = ctx.status;
        const code = codeForStatus(status);
        ctx.body = { error: { code, message: sentenceFor(code, status, t) } };
        ctx.status = status;
      }
    } catch (error) {
      const log = ctx.state.log;
      const refused = answerForYishiError(error, t) ?? answerForCallerError(error, t);
      if (refused) {
        ctx.status = refused.status;
        ctx.body = { error: { code: refused.code, message: refused.message } };
        log?.info({ code: refused.code, status: refused.status, detail: (error as Error).message }, 'request refused');
        return;
      }
      if (isStoreUnavailable(error)) {
        // MongoDB or Redis is away: 503 tells WeCom and DingTalk to deliver again later.
        log?.warn({ err: error }, 'a store is unavailable; answered 503 so the caller retries');
        ctx.status = 503;
        ctx.set('Retry-After', '5');
        ctx.body = { error: { code: 'store_unavailable', message: sentenceFor('store_unavailable', 503, t) } };
        return;
      }
      log?.error({ err: error }, 'request failed');
      ctx.status = 500;
      ctx.body = { error: { code: 'internal_error', message: sentenceFor('internal_error', 500, t) } };
    }
  };
}

const MONGO_UNAVAILABLE =
  /^Mongo(?:ose)?(?:ServerSelection|Network|NetworkTimeout|NotConnected|PoolCleared|PoolClosed|TopologyClosed)Error$/;

/** Whether an error means "MongoDB or Redis cannot be reached right now" (not a bug, not bad input). */
export function isStoreUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    if (MONGO_UNAVAILABLE.test(current.name)) return true;
    // ioredis without an offline queue: fails fast while disconnected.
    if (current.name === 'MaxRetriesPerRequestError' || /Stream isn't writeable|Connection is closed/.test(current.message)) return true;
  }
  return false;
}
