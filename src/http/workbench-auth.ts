import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, Middleware, Next } from 'koa';
import { YishiError } from '../core/errors.js';
import type { Messages } from '../i18n/messages.js';
import { SignInRefused, type RequestFacts, type WorkbenchSessions } from '../services/workbench/workbench-sessions.js';
import { hasBearerToken } from './admin-auth.js';
import { SESSION_COOKIE } from './requester.js';
import { accessFor, roleAllows } from './route-access.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const requestFacts = (ctx: Context): RequestFacts => ({
  ip: ctx.ip,
  userAgent: ctx.get('user-agent').slice(0, 200),
  path: ctx.path.slice(0, 200),
});

const sameSecret = (a: string, b: string) => {
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return a !== '' && timingSafeEqual(digest(a), digest(b));
};

/**
 * What the admin gate asks of every /api and /console request: the admin token (unchanged: every
 * route, no CSRF), or else a workbench session whose member's role the route allows
 * (route-access.ts), with `X-CSRF-Token` on anything that changes state. Without either: 401 as
 * before. Refusals are logged by the sessions service with the request's facts.
 */
export function requireAdminTokenOrSession(deps: {
  currentToken: () => string;
  sessions?: WorkbenchSessions;
  messages: Messages;
}): Middleware {
  const t = deps.messages.workbench.errors;
  const refuse = (code: string, status: number): never => {
    throw new YishiError(code, { status, userMessage: t[code] ?? code });
  };
  return async (ctx: Context, next: Next) => {
    if (hasBearerToken(ctx, deps.currentToken())) {
      ctx.state.requester = { kind: 'token' };
      return next();
    }
    const cookie = ctx.cookies.get(SESSION_COOKIE);
    const sessions = deps.sessions;
    if (!cookie || !sessions || ctx.get('authorization') !== '') {
      ctx.set('WWW-Authenticate', 'Bearer');
      throw new YishiError('unauthorized', { status: 401, detail: 'no valid admin token' });
    }
    const facts = requestFacts(ctx);
    const access = accessFor(ctx.method, ctx.path);
    let signedIn;
    try {
      signedIn = await sessions.authenticate(cookie, facts);
    } catch (error) {
      if (error instanceof SignInRefused) refuse(error.refusal === 'member_inactive' ? 'member_inactive' : error.refusal, 401);
      throw error;
    }
    const { member, session } = signedIn;
    if (!roleAllows(member.role, access)) {
      sessions.logRefusal(access === 'token' ? 'token_only' : 'role_too_low', facts, member.id, { method: ctx.method, access });
      refuse(access === 'token' ? 'token_only' : 'role_too_low', 403);
    }
    if (!SAFE_METHODS.has(ctx.method) && !sameSecret(ctx.get('x-csrf-token'), session.csrfToken)) {
      sessions.logRefusal('csrf_missing', facts, member.id, { method: ctx.method });
      refuse('csrf_missing', 403);
    }
    ctx.state.requester = { kind: 'session', member, session };
    await next();
  };
}
