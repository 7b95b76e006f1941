import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../../src/core/clock.js';
import { FakeKf } from './wecom-kf.js';

/**
 * A fake WeCom API server speaking the real protocol: `gettoken`, `message/send`, `auth/getuserinfo` (OAuth2 and web-login codes), the group-robot
 * `webhook/send?key=`, `media/get` and the smart robot's `aibot/response`, with WeCom's error codes
 * (40001, 40014, 42001, 45009, 81013, 93000) and the 20 messages/minute/robot limit measured on
 * an injectable clock. `kf` is 微信客服 (see wecom-kf.ts): sync_msg, send_msg with the 48 h / 5
 * messages rule, send_msg_on_event, add_contact_way.
 */
export interface FakeWecomOptions {
  corpId: string;
  secret: string;
  clock?: Clock;
}

export interface AppMessage {
  touser: string;
  msgtype: string;
  agentid: unknown;
  content: string;
  body: Record<string, unknown>;
}

export interface WebhookRequest {
  key: string;
  /** The fake clock's time when it arrived, in ms. */
  at: number;
  errcode: number;
  body: Record<string, unknown>;
}

const ROBOT_LIMIT = 20;
const ROBOT_WINDOW_MS = 60_000;
const TEXT_LIMIT = 2048;
const MARKDOWN_LIMIT = 4096;

export class FakeWecomServer {
  gettokenCalls = 0;
  messageSendCalls = 0;
  readonly appMessages: AppMessage[] = [];
  readonly webhookRequests: WebhookRequest[] = [];
  readonly aibotResponses: Array<{ responseCode: string; body: Record<string, unknown> }> = [];
  /** Webhook keys whose robot was removed from its group (→ 93000). */
  readonly brokenKeys = new Set<string>();
  /** What `media/get` serves, by media id (WeCom keeps uploaded media for 3 days); others → 40007. */
  readonly media = new Map<string, { bytes: Buffer; contentType: string }>();
  mediaGetCalls = 0;
  /** The next media/get calls answer -1 (系统繁忙, "system busy"), one each. */
  mediaGetBusy = 0;
  /** User ids that do not exist in the corp (a send to only these → 81013). */
  readonly unknownUsers = new Set<string>();
  /**
   * OAuth2 / web-login codes (网页授权, 扫码登录) by code → userid, as WeCom issues them after
   * `connect/oauth2/authorize` or `wwlogin/sso/login`. Each works once within 5 minutes; `auth/getuserinfo`
   * answers 40029 (invalid code) for an unknown, used or expired one.
   */
  private readonly oauthCodes = new Map<string, { userId: string; issuedAt: number }>();
  private codeCounter = 0;
  /**
   * Who is "using WeCom" when Yishi sends a browser to the authorize page (`/connect/oauth2/authorize`)
   * or the web login (`/wwlogin/sso/login`): the fake redirects back with a fresh code for this userid.
   */
  signedInUser = '';
  private readonly validTokens = new Set<string>();
  private readonly expiredTokens = new Set<string>();
  private readonly nextMessageSendErrors: number[] = [];
  private tokenCounter = 0;
  readonly kf: FakeKf;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: Required<FakeWecomOptions>,
  ) {
    this.kf = new FakeKf(options.clock);
  }

  static async start(options: FakeWecomOptions): Promise<FakeWecomServer> {
    const holder: { fake?: FakeWecomServer } = {};
    const server = createServer((req, res) => {
      holder.fake!.route(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.fake = new FakeWecomServer(server, `http://127.0.0.1:${port}`, { clock: systemClock, ...options });
    return holder.fake;
  }

  /** What WeCom's authorize page would put in the redirect after `userId` agrees: a fresh one-time code. */
  issueOauthCode(userId: string): string {
    this.codeCounter += 1;
    const code = `wecom-code-${this.codeCounter}-${Math.random().toString(36).slice(2, 10)}`;
    this.oauthCodes.set(code, { userId, issuedAt: this.options.clock.now().getTime() });
    return code;
  }

  /** Makes WeCom consider every issued token expired (the next use gets 42001). */
  expireTokens(): void {
    for (const token of this.validTokens) this.expiredTokens.add(token);
    this.validTokens.clear();
  }

  /** The next message/send calls answer these errcodes, one each, before working again. */
  failNextMessageSend(...errcodes: number[]): void {
    this.nextMessageSendErrors.push(...errcodes);
  }

  /** Accepted group-robot messages of one key. */
  delivered(key: string): WebhookRequest[] {
    return this.webhookRequests.filter((request) => request.key === key && request.errcode === 0);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const body = req.method === 'POST' ? await readJson(req) : {};
    const answer = (result: Record<string, unknown>) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', ...result }));
    };
    const fail = (errcode: number, errmsg: string) => answer({ errcode, errmsg });

    switch (url.pathname) {
      case '/connect/oauth2/authorize':
      case '/wwlogin/sso/login': {
        // WeCom checks the app and sends the person back with a one-time code and the state given.
        if (url.searchParams.get('appid') !== this.options.corpId || !this.signedInUser) {
          res.statusCode = 400;
          res.end('unknown app or nobody signed in to WeCom');
          return;
        }
        const back = new URL(url.searchParams.get('redirect_uri') ?? '');
        back.searchParams.set('code', this.issueOauthCode(this.signedInUser));
        back.searchParams.set('state', url.searchParams.get('state') ?? '');
        if (url.pathname === '/wwlogin/sso/login') back.searchParams.set('appid', this.options.corpId);
        res.statusCode = 302;
        res.setHeader('location', back.toString());
        res.end();
        return;
      }
      case '/cgi-bin/gettoken': {
        this.gettokenCalls += 1;
        if (url.searchParams.get('corpid') !== this.options.corpId || url.searchParams.get('corpsecret') !== this.options.secret)
          return fail(40001, 'invalid credential');
        this.tokenCounter += 1;
        const token = `fake-token-${this.tokenCounter}`;
        this.validTokens.add(token);
        return answer({ access_token: token, expires_in: 7200 });
      }
      case '/cgi-bin/message/send': {
        this.messageSendCalls += 1;
        const token = url.searchParams.get('access_token') ?? '';
        if (this.expiredTokens.has(token)) return fail(42001, 'access_token expired');
        if (!this.validTokens.has(token)) return fail(40014, 'invalid access_token');
        const injected = this.nextMessageSendErrors.shift();
        if (injected !== undefined) return fail(injected, 'injected by the test');
        const touser = String(body.touser ?? '');
        if (touser.split('|').every((user) => this.unknownUsers.has(user))) return fail(81013, 'user & party & tag all invalid');
        const msgtype = String(body.msgtype ?? '');
        const content = String((body[msgtype] as { content?: unknown } | undefined)?.content ?? '');
        this.appMessages.push({ touser, msgtype, agentid: body.agentid, content, body });
        return answer({ invaliduser: '', msgid: `msg-${this.appMessages.length}` });
      }
      case '/cgi-bin/kf/sync_msg':
      case '/cgi-bin/kf/send_msg':
      case '/cgi-bin/kf/send_msg_on_event':
      case '/cgi-bin/kf/add_contact_way': {
        const token = url.searchParams.get('access_token') ?? '';
        if (this.expiredTokens.has(token)) return fail(42001, 'access_token expired');
        if (!this.validTokens.has(token)) return fail(40014, 'invalid access_token');
        return answer(this.kf.route(url.pathname.slice('/cgi-bin/kf/'.length), body));
      }
      case '/cgi-bin/media/get': {
        this.mediaGetCalls += 1;
        const token = url.searchParams.get('access_token') ?? '';
        if (this.expiredTokens.has(token)) return fail(42001, 'access_token expired');
        if (!this.validTokens.has(token)) return fail(40014, 'invalid access_token');
        if (this.mediaGetBusy > 0) {
          this.mediaGetBusy -= 1;
          return fail(-1, 'system busy');
        }
        const mediaId = url.searchParams.get('media_id') ?? '';
        const file = this.media.get(mediaId);
        if (!file) return fail(40007, 'invalid media_id');
        // A file answers with its own content type and bytes; errors come back as JSON.
        res.setHeader('content-type', file.contentType);
        res.setHeader('content-disposition', `attachment; filename="${mediaId}"`);
        res.setHeader('content-length', String(file.bytes.length));
        res.end(file.bytes);
        return;
      }
      case '/cgi-bin/auth/getuserinfo': {
        const token = url.searchParams.get('access_token') ?? '';
        if (this.expiredTokens.has(token)) return fail(42001, 'access_token expired');
        if (!this.validTokens.has(token)) return fail(40014, 'invalid access_token');
        const code = url.searchParams.get('code') ?? '';
        const issued = this.oauthCodes.get(code);
        this.oauthCodes.delete(code); // a code is consumed by its first use
        if (!issued || this.options.clock.now().getTime() - issued.issuedAt > 5 * 60_000) return fail(40029, 'invalid code');
        return answer({ userid: issued.userId, user_ticket: `ticket-${code}`, expires_in: 1800 });
      }
      case '/cgi-bin/webhook/send':
        return answer(this.webhook(url.searchParams.get('key') ?? '', body));
      case '/cgi-bin/aibot/response':
        this.aibotResponses.push({ responseCode: url.searchParams.get('response_code') ?? '', body });
        return answer({});
      default:
        res.statusCode = 404;
        res.end('not found');
    }
  }

  private webhook(key: string, body: Record<string, unknown>): Record<string, unknown> {
    const at = this.options.clock.now().getTime();
    const record = (errcode: number, errmsg: string) => {
      this.webhookRequests.push({ key, at, errcode, body });
      return { errcode, errmsg };
    };
    if (this.brokenKeys.has(key) || !key) return record(93000, 'invalid webhook url');
    const recent = this.delivered(key).filter((request) => at - request.at < ROBOT_WINDOW_MS);
    if (recent.length >= ROBOT_LIMIT) return record(45009, 'api freq out of limit');
    const msgtype = String(body.msgtype ?? '');
    const content = String((body[msgtype] as { content?: unknown } | undefined)?.content ?? '');
    const limit = msgtype === 'markdown' ? MARKDOWN_LIMIT : TEXT_LIMIT;
    if (Buffer.byteLength(content, 'utf8') > limit) return record(40058, `${msgtype}.content exceed max length ${limit}`);
    return record(0, 'ok');
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}
