import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Both the 免登 codes (JSAPI) and the web login codes work once, within 5 minutes. */
const CODE_LIFETIME_MS = 5 * 60_000;
const USER_TOKEN_LIFETIME_S = 7200;

type Reply = (response: ServerResponse, status: number, body: unknown) => void;

/**
 * The sign-in half of the fake DingTalk: the people of the organisation (userid ↔ unionId), DingTalk's
 * web login page (`GET /oauth2/auth`), the person's token (`POST /v1.0/oauth2/userAccessToken`),
 * `GET /v1.0/contact/users/me` and `POST /topapi/user/getbyunionid`, and what the DingTalk app's
 * `dd.runtime.permission.requestAuthCode` gives a page ({@link requestAuthCode}).
 *
 * Error bodies: getbyunionid answers errcode 60121 找不到该用户 for a unionId outside the organisation
 * (oapi style, HTTP 200). The v1.0 answers for a bad, used or expired code (HTTP 400) and a bad user
 * token (HTTP 401) follow the v1.0 shape `{code, message, requestid}`; their `code` strings are
 * assumptions, and Yishi reads only the HTTP status.
 */
export class FakeDingtalkLogin {
  /** The DingTalk user (userid) signed in to DingTalk in the browser, for the login page and the app. */
  signedInUser = '';
  /** unionIds of DingTalk accounts outside the organisation (users/me works, getbyunionid says 60121). */
  readonly outsideOrg = new Set<string>();
  /** Every code the fake refused, by endpoint. */
  readonly refusedCodes: Array<{ endpoint: string; code: string }> = [];
  private readonly loginCodes = new Map<string, { userId: string; issuedAt: number }>();
  private readonly userTokens = new Map<string, { userId: string; expiresAt: number }>();

  constructor(
    private readonly options: { appKey: string; appSecret: string; corpId: string; now: () => number },
    private readonly reply: Reply,
  ) {}

  /** The unionId DingTalk gives `userId` (stable, across apps). */
  static unionIdOf(userId: string): string {
    return `union-${userId}`;
  }

  /** A web login code for `userId`, as DingTalk's login page puts it on the redirect. */
  issueLoginCode(userId: string): string {
    const code = `login-${randomUUID().replace(/-/g, '')}`;
    this.loginCodes.set(code, { userId, issuedAt: this.options.now() });
    return code;
  }

  /** Handles a request when it is one of the sign-in endpoints; false when it is not. */
  route(
    path: string,
    url: URL,
    request: IncomingMessage,
    body: Record<string, unknown>,
    response: ServerResponse,
    appTokenValid: (token: string) => boolean,
  ): boolean {
    if (path === 'GET /oauth2/auth') this.loginPage(url, response);
    else if (path === 'POST /v1.0/oauth2/userAccessToken') this.userAccessToken(body, response);
    else if (path === 'GET /v1.0/contact/users/me') this.me(request, response);
    else if (path === 'POST /topapi/user/getbyunionid') this.byUnionId(url, body, response, appTokenValid);
    else return false;
    return true;
  }

  /**
   * The login page: the person is taken as signed in to DingTalk already and agrees at once; back to
   * redirect_uri with `authCode` (and `code`, the same value) and the state.
   */
  private loginPage(url: URL, response: ServerResponse): void {
    const params = url.searchParams;
    const redirect = params.get('redirect_uri') ?? '';
    if (params.get('client_id') !== this.options.appKey || params.get('response_type') !== 'code' || !/^https?:\/\//.test(redirect))
      return this.reply(response, 400, { code: 'invalidParameter', message: 'client_id, response_type or redirect_uri' });
    if (!(params.get('scope') ?? '').split(/\s+/).includes('openid'))
      return this.reply(response, 400, { code: 'invalidParameter', message: 'scope must include openid' });
    if (!this.signedInUser) return this.reply(response, 400, { code: 'notSignedIn', message: 'nobody is signed in to DingTalk' });
    const back = new URL(redirect);
    const code = this.issueLoginCode(this.signedInUser);
    back.searchParams.set('authCode', code);
    back.searchParams.set('code', code);
    back.searchParams.set('state', params.get('state') ?? '');
    response.writeHead(302, { location: back.toString() });
    response.end();
  }

  private userAccessToken(body: Record<string, unknown>, response: ServerResponse): void {
    if (body.clientId !== this.options.appKey || body.clientSecret !== this.options.appSecret)
      return this.reply(response, 400, {
        code: 'invalidClientIdOrSecret',
        message: '无效的clientId或clientSecret',
        requestid: randomUUID(),
      });
    const code = String(body.code ?? '');
    const issued = this.loginCodes.get(code);
    this.loginCodes.delete(code);
    if (body.grantType !== 'authorization_code' || !issued || this.options.now() - issued.issuedAt > CODE_LIFETIME_MS) {
      this.refusedCodes.push({ endpoint: 'userAccessToken', code });
      return this.reply(response, 400, { code: 'invalidAuthCode', message: '不合法的临时授权码', requestid: randomUUID() });
    }
    const accessToken = `user-${randomUUID().replace(/-/g, '')}`;
    this.userTokens.set(accessToken, { userId: issued.userId, expiresAt: this.options.now() + USER_TOKEN_LIFETIME_S * 1000 });
    this.reply(response, 200, {
      accessToken,
      refreshToken: `refresh-${randomUUID()}`,
      expireIn: USER_TOKEN_LIFETIME_S,
      corpId: this.options.corpId,
    });
  }

  private me(request: IncomingMessage, response: ServerResponse): void {
    const held = this.userTokens.get(String(request.headers['x-acs-dingtalk-access-token'] ?? ''));
    if (!held || held.expiresAt <= this.options.now())
      return this.reply(response, 401, { code: 'InvalidAuthentication', message: '不合法的access_token', requestid: randomUUID() });
    const unionId = FakeDingtalkLogin.unionIdOf(held.userId);
    this.reply(response, 200, { nick: held.userId, unionId, openId: `open-${held.userId}`, avatarUrl: '', stateCode: '86' });
  }

  private byUnionId(url: URL, body: Record<string, unknown>, response: ServerResponse, appTokenValid: (token: string) => boolean): void {
    if (!appTokenValid(url.searchParams.get('access_token') ?? ''))
      return this.reply(response, 200, { errcode: 88, errmsg: '不合法的access_token' });
    const unionId = String(body.unionid ?? '');
    if (!unionId.startsWith('union-') || this.outsideOrg.has(unionId))
      return this.reply(response, 200, { errcode: 60121, errmsg: '找不到该用户' });
    this.reply(response, 200, {
      errcode: 0,
      errmsg: 'ok',
      result: { contact_type: 0, userid: unionId.slice('union-'.length) },
      request_id: randomUUID(),
    });
  }
}

export { CODE_LIFETIME_MS };
