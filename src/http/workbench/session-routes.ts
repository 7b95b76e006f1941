import { randomBytes } from 'node:crypto';
import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { YishiError } from '../../core/errors.js';
import type { Messages } from '../../i18n/messages.js';
import type { PlatformSignIn } from '../../services/workbench/platform-sign-in.js';
import { SESSION_MAX_MS } from '../../services/workbench/session-records.js';
import { SignInRefused, workbenchRoleOf, type SignedIn, type WorkbenchSessions } from '../../services/workbench/workbench-sessions.js';
import { exactRouter } from '../exact-router.js';
import { requesterOf, SESSION_COOKIE } from '../requester.js';
import { jsonBody } from '../api/validation.js';
import { requestFacts } from '../workbench-auth.js';
import { answerSignInRefused } from './sign-in-page.js';

const STATE_COOKIE = 'yishi_oauth_state';
const STATE_TTL_MS = 10 * 60_000;
const HOME = '/workbench/';

export interface SessionRoutesDeps {
  sessions: WorkbenchSessions;
  platforms: PlatformSignIn;
  messages: Messages;
  /** The address people open (PUBLIC_URL or where this instance listens). */
  publicUrl: () => string;
  /** The Redirect URLs WeCom's and DingTalk's pages send people to (overridable by tests). */
  wecomAuthorizeBase?: string;
  wecomWebLoginBase?: string;
  /** Where DingTalk's web login page lives (DINGTALK_LOGIN_BASE; tests point it at a fake). */
  dingtalkLoginBase?: string;
  bodyLimitBytes: number;
}

/**
 * Sign-in and the session itself: the chat link (`/workbench/sign-in?ticket=`), WeCom OAuth2 and web
 * login, DingTalk 免登 and web login, the sign-in page's list of what is set up
 * (`/workbench/auth/options`), `GET /api/session` and `POST /api/session/sign-out` (the last two behind the
 * admin gate). A refused sign-in answers a page and changes nothing; the sessions service logs it.
 */
export function sessionRouter(deps: SessionRoutesDeps): Router {
  const router = exactRouter();
  const { sessions, platforms } = deps;
  const secure = () => deps.publicUrl().startsWith('https:');
  const cookieOptions = () => ({ httpOnly: true, sameSite: 'lax' as const, path: '/', secure: secure(), overwrite: true });

  const setSessionCookie = (ctx: Context, signedIn: SignedIn) => {
    ctx.cookies.secure = secure();
    ctx.cookies.set(SESSION_COOKIE, signedIn.cookie, { ...cookieOptions(), maxAge: SESSION_MAX_MS });
  };
  const signedInPage = (ctx: Context, signedIn: SignedIn) => {
    setSessionCookie(ctx, signedIn);
    ctx.set('Cache-Control', 'no-store');
    ctx.status = 303;
    ctx.redirect(HOME);
  };
  /** Runs a sign-in; a refusal becomes the page (401, or 403 for an inactive member). */
  const signIn = async (ctx: Context, attempt: () => Promise<SignedIn>) => {
    try {
      signedInPage(ctx, await attempt());
    } catch (error) {
      if (!(error instanceof SignInRefused)) throw error;
      answerSignInRefused(ctx, error.refusal, error.refusal === 'member_inactive' ? 403 : 401);
    }
  };
  const refuseCode = (ctx: Context, reason: string) => {
    sessions.logRefusal(reason, requestFacts(ctx));
    answerSignInRefused(ctx, reason, reason === 'platform_off' ? 404 : 401);
  };
  const newState = (ctx: Context) => {
    const state = randomBytes(16).toString('hex');
    ctx.cookies.secure = secure();
    ctx.cookies.set(STATE_COOKIE, state, { ...cookieOptions(), maxAge: STATE_TTL_MS });
    return state;
  };
  const stateMatches = (ctx: Context) => {
    const expected = ctx.cookies.get(STATE_COOKIE);
    const given = typeof ctx.query.state === 'string' ? ctx.query.state : '';
    ctx.cookies.set(STATE_COOKIE, '', { ...cookieOptions(), maxAge: 0 });
    return expected !== undefined && expected !== '' && expected === given;
  };
  const queryText = (ctx: Context, name: string) => {
    const value = ctx.query[name];
    return typeof value === 'string' && value.length > 0 && value.length <= 512 ? value : '';
  };

  // What the sign-in page may offer: only the platforms that are configured (no secrets).
  router.get('/workbench/auth/options', (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    const dingtalk = platforms.dingtalk;
    ctx.body = { wecom: platforms.wecom !== undefined, dingtalk: dingtalk ? { webLogin: true, corpId: dingtalk.corpId ?? null } : null };
  });

  router.get('/workbench/sign-in', async (ctx) => {
    const ticket = queryText(ctx, 'ticket');
    await signIn(ctx, () => sessions.signInWithTicket(ticket, requestFacts(ctx)));
  });

  // WeCom: inside the WeCom app, OAuth2 (snsapi_base); in a desktop browser, web login (扫码).
  router.get('/workbench/auth/wecom/start', async (ctx) => {
    const wecom = platforms.wecom;
    if (!wecom) return refuseCode(ctx, 'platform_off');
    const mode =
      ctx.query.mode === 'oauth' || ctx.query.mode === 'qr' ? ctx.query.mode : /wxwork/i.test(ctx.get('user-agent')) ? 'oauth' : 'qr';
    const redirect = `${deps.publicUrl()}/workbench/auth/wecom/callback`;
    const state = newState(ctx);
    const url =
      mode === 'oauth'
        ? `${deps.wecomAuthorizeBase ?? 'https://open.weixin.qq.com'}/connect/oauth2/authorize?${new URLSearchParams({
            appid: wecom.corpId,
            redirect_uri: redirect,
            response_type: 'code',
            scope: 'snsapi_base',
            state,
            agentid: wecom.agentId,
          })}#wechat_redirect`
        : `${deps.wecomWebLoginBase ?? 'https://login.work.weixin.qq.com'}/wwlogin/sso/login?${new URLSearchParams({
            login_type: 'CorpApp',
            appid: wecom.corpId,
            agentid: wecom.agentId,
            redirect_uri: redirect,
            state,
          })}`;
    ctx.redirect(url);
  });

  router.get('/workbench/auth/wecom/callback', async (ctx) => {
    const wecom = platforms.wecom;
    if (!wecom) return refuseCode(ctx, 'platform_off');
    if (!stateMatches(ctx)) return refuseCode(ctx, 'state_invalid');
    const code = queryText(ctx, 'code');
    const userId = code ? await wecom.userIdForCode(code) : null;
    if (!userId) return refuseCode(ctx, 'code_invalid');
    await signIn(ctx, () => sessions.signInWithPlatform('wecom', userId, ctx.query.appid ? 'wecom-qr' : 'wecom-oauth', requestFacts(ctx)));
  });

  // DingTalk 免登: the page asks dd.runtime.permission.requestAuthCode and posts the code here.
  router.post('/workbench/auth/dingtalk', async (ctx) => {
    const dingtalk = platforms.dingtalk;
    const t = deps.messages.workbench.errors;
    if (!dingtalk) throw new YishiError('platform_off', { status: 404, userMessage: t.platform_off });
    // Only the page's own fetch sends JSON: a form on another site (text/plain shaped like JSON) could
    // otherwise sign the browser in as someone else (login CSRF).
    if (!ctx.is('application/json')) {
      sessions.logRefusal('not_json', requestFacts(ctx), undefined, { platform: 'dingtalk' });
      throw new YishiError('not_json', { status: 415, userMessage: t.not_json });
    }
    const { authCode } = await jsonBody(ctx, z.object({ authCode: z.string().min(1).max(512) }), deps.bodyLimitBytes);
    const userId = await dingtalk.userIdForAuthCode(authCode);
    if (!userId) {
      sessions.logRefusal('code_invalid', requestFacts(ctx), undefined, { platform: 'dingtalk' });
      throw new YishiError('code_invalid', { status: 401, userMessage: t.code_invalid });
    }
    try {
      const signedIn = await sessions.signInWithPlatform('dingtalk', userId, 'dingtalk-auth-code', requestFacts(ctx));
      setSessionCookie(ctx, signedIn);
      ctx.body = sessionBody(signedIn);
    } catch (error) {
      if (!(error instanceof SignInRefused)) throw error;
      const status = error.refusal === 'member_inactive' ? 403 : 401;
      throw new YishiError(error.refusal, { status, userMessage: deps.messages.workbench.pages[error.refusal] ?? t.session_invalid });
    }
  });

  // DingTalk web login (desktop browsers): login.dingtalk.com/oauth2/auth → back here with authCode and state.
  router.get('/workbench/auth/dingtalk/start', (ctx) => {
    const dingtalk = platforms.dingtalk;
    if (!dingtalk) return refuseCode(ctx, 'platform_off');
    ctx.redirect(
      `${deps.dingtalkLoginBase ?? 'https://login.dingtalk.com'}/oauth2/auth?${new URLSearchParams({
        redirect_uri: `${deps.publicUrl()}/workbench/auth/dingtalk/callback`,
        response_type: 'code',
        client_id: dingtalk.appKey,
        scope: 'openid',
        state: newState(ctx),
        prompt: 'consent',
      })}`,
    );
  });

  router.get('/workbench/auth/dingtalk/callback', async (ctx) => {
    const dingtalk = platforms.dingtalk;
    if (!dingtalk) return refuseCode(ctx, 'platform_off');
    if (!stateMatches(ctx)) return refuseCode(ctx, 'state_invalid');
    const code = queryText(ctx, 'authCode') || queryText(ctx, 'code');
    const found = code ? await dingtalk.userIdForLoginCode(code) : { refusal: 'code_invalid' as const };
    if ('refusal' in found) {
      if (found.refusal === 'code_invalid') return refuseCode(ctx, 'code_invalid');
      sessions.logRefusal('member_unknown', requestFacts(ctx), undefined, { platform: 'dingtalk', outside: 'organisation' });
      return answerSignInRefused(ctx, 'member_unknown', 401);
    }
    await signIn(ctx, () => sessions.signInWithPlatform('dingtalk', found.userId, 'dingtalk-web', requestFacts(ctx)));
  });

  router.get('/api/session', (ctx) => {
    const requester = requesterOf(ctx);
    if (requester.kind !== 'session')
      throw new YishiError('session_missing', { status: 401, userMessage: deps.messages.workbench.errors.session_missing });
    ctx.set('Cache-Control', 'no-store');
    ctx.body = sessionBody(requester);
  });

  router.post('/api/session/sign-out', async (ctx) => {
    const cookie = ctx.cookies.get(SESSION_COOKIE);
    if (cookie) await sessions.signOut(cookie, requestFacts(ctx));
    ctx.cookies.secure = secure();
    ctx.cookies.set(SESSION_COOKIE, '', { ...cookieOptions(), maxAge: 0 });
    ctx.status = 204;
  });

  return router;
}

function sessionBody({ member, session }: Pick<SignedIn, 'member' | 'session'>) {
  return {
    member: { id: member.id, name: member.name, role: workbenchRoleOf(member), sector: member.sector },
    csrfToken: session.csrfToken,
    expiresAt: (session.idleUntil < session.absoluteUntil ? session.idleUntil : session.absoluteUntil).toISOString(),
  };
}
