import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeDingtalkLogin } from './dingtalk-login.js';
import { FakeStreamGateway } from './dingtalk-stream-gateway.js';

/** One message the fake accepted, by the way it came. */
export interface DingtalkDelivery {
  channel: 'session' | 'group' | 'oto' | 'custom';
  robot: string;
  at: number;
  body: Record<string, unknown>;
}

export interface FakeDingtalkOptions {
  appKey: string;
  appSecret: string;
  robotCode: string;
  /** The organisation's CorpId (default `ding-test-corp`): what requestAuthCode must be asked with. */
  corpId?: string;
  /** The fake's idea of now (ms); pass the test's ManualClock so expiry and limits follow it. */
  now?: () => number;
  ackDeadlineMs?: number;
}

const RATE_LIMIT = 20;
const RATE_WINDOW_MS = 60_000;
const TOKEN_LIFETIME_S = 7200;

function sign(timestamp: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

/**
 * A fake DingTalk (oapi and api hosts in one) speaking the protocol of protocols.md §5–6:
 * `gettoken`, `topapi/v2/user/getuserinfo` (免登 codes), session webhooks (300001 once expired), the robot OpenAPI sends, custom robots
 * (sign check, keywords, 310000), 130101 past 20 messages a minute per robot, and the Stream
 * gateway, and the workbench's sign-ins ({@link FakeDingtalkLogin}: web login, users/me, getbyunionid).
 * It records what it accepted and what it refused.
 */
export class FakeDingtalk {
  readonly delivered: DingtalkDelivery[] = [];
  readonly refused: Array<{ channel: string; code: number | string; message: string }> = [];
  tokenRequests = 0;
  readonly gateway: FakeStreamGateway;
  /** The sign-in endpoints; `login.signedInUser` is who is signed in to DingTalk in the browser. */
  readonly login: FakeDingtalkLogin;
  readonly corpId: string;
  url = '';
  private readonly tokens = new Map<string, number>();
  /** 免登 auth codes (JSAPI `requestAuthCode`) by code → userid: once each, within 5 minutes; else 40078. */
  private readonly authCodes = new Map<string, { userId: string; issuedAt: number }>();
  private readonly sessions = new Map<string, { expiresAt: number; robotCode: string }>();
  private readonly customRobots = new Map<string, { secret?: string; keywords?: string[] }>();
  private readonly server: Server;
  private readonly now: () => number;

  private constructor(private readonly options: FakeDingtalkOptions) {
    this.now = options.now ?? Date.now;
    this.corpId = options.corpId ?? 'ding-test-corp';
    this.login = new FakeDingtalkLogin(
      { appKey: options.appKey, appSecret: options.appSecret, corpId: this.corpId, now: () => this.now() },
      (response, status, body) => this.reply(response, status, body),
    );
    this.gateway = new FakeStreamGateway({
      clientId: options.appKey,
      clientSecret: options.appSecret,
      ackDeadlineMs: options.ackDeadlineMs,
    });
    this.server = createServer((request, response) => {
      this.route(request, response).catch((error: unknown) => this.reply(response, 500, { errcode: -1, errmsg: String(error) }));
    });
    this.server.on('upgrade', (request, socket, head) => this.gateway.upgrade(request, socket, head));
  }

  static async start(options: FakeDingtalkOptions): Promise<FakeDingtalk> {
    const fake = new FakeDingtalk(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    fake.gateway.attach(fake.url);
    return fake;
  }

  /** A session webhook URL for a message, valid until `expiresAt` (ms on the fake's clock). */
  sessionWebhook(expiresAt: number, robotCode = this.options.robotCode): string {
    const session = randomUUID().replace(/-/g, '');
    this.sessions.set(session, { expiresAt, robotCode });
    return `${this.url}/robot/sendBySession?session=${session}`;
  }

  /** Registers a custom group robot with its security settings. */
  customRobot(accessToken: string, settings: { secret?: string; keywords?: string[] } = {}): void {
    this.customRobots.set(accessToken, settings);
  }

  /** What `dd.runtime.permission.requestAuthCode` gives the page of `userId` inside DingTalk: a one-time code. */
  issueAuthCode(userId: string): string {
    const code = `auth-${randomUUID().replace(/-/g, '')}`;
    this.authCodes.set(code, { userId, issuedAt: this.now() });
    return code;
  }

  /**
   * What `dd.runtime.permission.requestAuthCode({corpId})` answers a page inside the DingTalk app of
   * whoever is `login.signedInUser`: a 免登 code, or the failure the JSAPI reports (a corpId that is
   * not this organisation's, nobody signed in). The failure's shape `{errorCode, errorMessage}` is
   * the JSAPI's onFail argument; its values here are the fake's own.
   */
  requestAuthCode(corpId: string): { code: string } | { errorCode: string; errorMessage: string } {
    if (corpId !== this.corpId) return { errorCode: '3', errorMessage: `corpId ${corpId} 不是当前组织` };
    if (!this.login.signedInUser) return { errorCode: '3', errorMessage: '用户未登录钉钉' };
    return { code: this.issueAuthCode(this.login.signedInUser) };
  }

  /** Makes every issued access token invalid, as when the app secret is rotated. */
  revokeTokens(): void {
    this.tokens.clear();
  }

  /** The most messages any one robot got in any 60-second window. */
  maxPerMinute(robot: string): number {
    const times = this.delivered
      .filter((d) => d.robot === robot)
      .map((d) => d.at)
      .sort((a, b) => a - b);
    let max = 0;
    for (let i = 0, start = 0; i < times.length; i += 1) {
      while (times[i]! - times[start]! >= RATE_WINDOW_MS) start += 1;
      max = Math.max(max, i - start + 1);
    }
    return max;
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const body = request.method === 'POST' ? await readJson(request) : {};
    const path = `${request.method} ${url.pathname}`;
    if (path === 'GET /gettoken') return this.getToken(url, response);
    if (path === 'POST /v1.0/gateway/connections/open') {
      const answer = this.gateway.open(body);
      return this.reply(response, answer.status, answer.body);
    }
    if (path === 'POST /robot/sendBySession') return this.sendBySession(url, body, response);
    if (path === 'POST /topapi/v2/user/getuserinfo') return this.userForAuthCode(url, body, response);
    const appTokenValid = (token: string) => (this.tokens.get(token) ?? 0) > this.now();
    if (this.login.route(path, url, request, body, response, appTokenValid)) return;
    if (path === 'POST /robot/send') return this.customRobotSend(url, body, response);
    if (path === 'POST /v1.0/robot/groupMessages/send' || path === 'POST /v1.0/robot/oToMessages/batchSend') {
      return this.openApiSend(path.endsWith('batchSend') ? 'oto' : 'group', request, body, response);
    }
    this.reply(response, 404, { code: 'NotFound', message: `no such API: ${path}` });
  }

  private getToken(url: URL, response: ServerResponse): void {
    this.tokenRequests += 1;
    if (url.searchParams.get('appkey') !== this.options.appKey || url.searchParams.get('appsecret') !== this.options.appSecret) {
      return this.reply(response, 200, { errcode: 40089, errmsg: '不合法的corpid或corpsecret' });
    }
    const token = `token-${randomUUID()}`;
    this.tokens.set(token, this.now() + TOKEN_LIFETIME_S * 1000);
    this.reply(response, 200, { errcode: 0, errmsg: 'ok', access_token: token, expires_in: TOKEN_LIFETIME_S });
  }

  /** `/topapi/v2/user/getuserinfo`: 免登码 → userid (88 for a bad token, 40078 不存在的临时授权码 for a bad or used code). */
  private userForAuthCode(url: URL, body: Record<string, unknown>, response: ServerResponse): void {
    const expiry = this.tokens.get(url.searchParams.get('access_token') ?? '');
    if (expiry === undefined || expiry <= this.now()) return this.reply(response, 200, { errcode: 88, errmsg: '不合法的access_token' });
    const code = String(body.code ?? '');
    const issued = this.authCodes.get(code);
    this.authCodes.delete(code);
    if (!issued || this.now() - issued.issuedAt > 5 * 60_000)
      return this.reply(response, 200, { errcode: 40078, errmsg: '不存在的临时授权码' });
    this.reply(response, 200, {
      errcode: 0,
      errmsg: 'ok',
      result: {
        userid: issued.userId,
        device_id: 'device-1',
        sys: false,
        sys_level: 0,
        associated_unionid: '',
        unionid: `union-${issued.userId}`,
        name: '',
      },
    });
  }

  private sendBySession(url: URL, body: Record<string, unknown>, response: ServerResponse): void {
    const session = this.sessions.get(url.searchParams.get('session') ?? '');
    if (!session || session.expiresAt <= this.now()) return this.refuse(response, 'session', 300001, 'session 不存在');
    if (!['text', 'markdown'].includes(String(body.msgtype))) return this.refuse(response, 'session', 40035, '缺少参数 msgtype');
    if (this.overLimit(session.robotCode)) return this.refuse(response, 'session', 130101, 'send too fast, exceed 20 times per minute');
    this.delivered.push({ channel: 'session', robot: session.robotCode, at: this.now(), body });
    this.reply(response, 200, { errcode: 0, errmsg: 'ok' });
  }

  private customRobotSend(url: URL, body: Record<string, unknown>, response: ServerResponse): void {
    const accessToken = url.searchParams.get('access_token') ?? '';
    const robot = this.customRobots.get(accessToken);
    if (!robot) return this.refuse(response, 'custom', 300001, 'token is not exist');
    if (robot.secret) {
      const timestamp = url.searchParams.get('timestamp') ?? '';
      if (!/^\d+$/.test(timestamp) || Math.abs(this.now() - Number(timestamp)) > 3_600_000)
        return this.refuse(response, 'custom', 310000, 'invalid timestamp');
      const expected = Buffer.from(sign(timestamp, robot.secret));
      const given = Buffer.from(url.searchParams.get('sign') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return this.refuse(response, 'custom', 310000, 'sign not match');
    }
    const content = JSON.stringify(body);
    if (robot.keywords && !robot.keywords.some((word) => content.includes(word)))
      return this.refuse(response, 'custom', 310000, 'keywords not in content');
    if (this.overLimit(`custom:${accessToken}`))
      return this.refuse(response, 'custom', 130101, 'send too fast, exceed 20 times per minute');
    this.delivered.push({ channel: 'custom', robot: `custom:${accessToken}`, at: this.now(), body });
    this.reply(response, 200, { errcode: 0, errmsg: 'ok' });
  }

  private openApiSend(channel: 'group' | 'oto', request: IncomingMessage, body: Record<string, unknown>, response: ServerResponse): void {
    const token = String(request.headers['x-acs-dingtalk-access-token'] ?? '');
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined || expiresAt <= this.now()) {
      this.refused.push({ channel, code: 'InvalidAuthentication', message: '不合法的access_token' });
      return this.reply(response, 401, { code: 'InvalidAuthentication', message: '不合法的access_token', requestid: randomUUID() });
    }
    const target =
      channel === 'group' ? typeof body.openConversationId === 'string' : Array.isArray(body.userIds) && body.userIds.length > 0;
    if (body.robotCode !== this.options.robotCode || !target || typeof body.msgKey !== 'string' || typeof body.msgParam !== 'string') {
      this.refused.push({ channel, code: 'invalidParameter', message: 'robotCode, target, msgKey or msgParam' });
      return this.reply(response, 400, { code: 'invalidParameter', message: '参数错误', requestid: randomUUID() });
    }
    if (this.overLimit(String(body.robotCode))) {
      // The v1.0 error body for this case is an assumption: the oapi code in the v1.0 shape.
      this.refused.push({ channel, code: 130101, message: 'send too fast' });
      return this.reply(response, 400, { code: '130101', message: 'send too fast, exceed 20 times per minute', requestid: randomUUID() });
    }
    this.delivered.push({ channel, robot: String(body.robotCode), at: this.now(), body });
    this.reply(
      response,
      200,
      channel === 'group'
        ? { processQueryKey: randomUUID() }
        : { processQueryKey: randomUUID(), invalidStaffIdList: [], flowControlledStaffIdList: [] },
    );
  }

  private overLimit(robot: string): boolean {
    const since = this.now() - RATE_WINDOW_MS;
    return this.delivered.filter((d) => d.robot === robot && d.at > since).length >= RATE_LIMIT;
  }

  private refuse(response: ServerResponse, channel: string, errcode: number, errmsg: string): void {
    this.refused.push({ channel, code: errcode, message: errmsg });
    this.reply(response, 200, { errcode, errmsg });
  }

  private reply(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(body));
  }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  const parsed: unknown = JSON.parse(text);
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}
