import { randomBytes } from 'node:crypto';
import type { Clock } from '../../src/core/clock.js';

/**
 * The fake 微信客服 (WeCom customer service) side of the fake WeCom server: `kf/sync_msg` with
 * token and cursor, `kf/send_msg` enforcing the 48 h / 5 messages rule and the session state
 * (95001, 95018), `kf/send_msg_on_event` with single-use welcome codes (valid 20 s) and
 * `kf/add_contact_way` (a link per scene). Time is the injected clock's.
 *
 * A test plays the customer (`customerSays`, `customerEnters`, …), which queues the message and
 * returns the Token a `kf_msg_or_event` callback carries.
 */

export interface KfSyncCall {
  openKfId: string;
  token: string;
  cursor: string | undefined;
  limit: number;
  errcode: number;
  /** msgids returned by this call. */
  returned: string[];
}

export interface KfSend {
  touser: string;
  openKfId: string;
  content: string;
  msgid?: string;
  /** Fake-clock ms. */
  at: number;
  errcode: number;
}

interface Item {
  msgid: string;
  open_kfid: string;
  external_userid?: string;
  send_time: number;
  origin: number;
  msgtype: string;
  [field: string]: unknown;
}

interface Session {
  /** send_time (s) of the customer's last message. */
  lastCustomerAt?: number;
  sentSince: number;
  /** 0 new, 1 with the smart assistant, 2 queued, 3 with a human servicer, 4 ended. */
  state: number;
}

export const KF_WINDOW_MS = 48 * 60 * 60 * 1000;
export const KF_MAX_SENDS = 5;
const TOKEN_LIFETIME_MS = 10 * 60 * 1000;
const WELCOME_CODE_LIFETIME_MS = 20 * 1000;

export class FakeKf {
  /** The most items one sync_msg page returns (real WeCom: 1000); lower it to see has_more. */
  pageSize = 1000;
  readonly syncCalls: KfSyncCall[] = [];
  /** Every kf/send_msg call, accepted (errcode 0) or refused. */
  readonly sends: KfSend[] = [];
  readonly welcomes: Array<{ code: string; content: string; errcode: number }> = [];
  /** `<open_kfid>:<scene>` → the link add_contact_way made. */
  readonly contactWays = new Map<string, string>();
  private readonly queues = new Map<string, Item[]>();
  private readonly tokens = new Map<string, number>();
  private readonly codes = new Map<string, { issuedAt: number; used: boolean }>();
  private readonly sessions = new Map<string, Session>();
  private counter = 0;

  constructor(private readonly clock: Clock) {}

  /** The customer writes; returns the Token of the kf_msg_or_event WeCom would send. */
  customerSays(openKfId: string, externalUserId: string, content: string): string {
    this.customerMessage(openKfId, externalUserId, 'text', { text: { content } });
    return this.issueToken();
  }

  customerSendsImage(openKfId: string, externalUserId: string, mediaId: string): string {
    this.customerMessage(openKfId, externalUserId, 'image', { image: { media_id: mediaId } });
    return this.issueToken();
  }

  /** The customer opens the chat from a QR code: an enter_session event with a welcome code. */
  customerEnters(openKfId: string, externalUserId: string, scene?: string): { token: string; welcomeCode: string } {
    const welcomeCode = `WELCOME-${randomBytes(6).toString('hex')}`;
    this.codes.set(welcomeCode, { issuedAt: this.now(), used: false });
    this.push(openKfId, {
      origin: 4,
      msgtype: 'event',
      event: {
        event_type: 'enter_session',
        open_kfid: openKfId,
        external_userid: externalUserId,
        welcome_code: welcomeCode,
        ...(scene ? { scene, scene_param: '' } : {}),
      },
    });
    return { token: this.issueToken(), welcomeCode };
  }

  /** The msgid of the last item queued for this account. */
  lastMsgId(openKfId: string): string {
    const item = this.queues.get(openKfId)?.at(-1);
    if (!item) throw new Error(`the fake has queued nothing for ${openKfId}`);
    return item.msgid;
  }

  /**
   * Queues an item already handed out once, with the same msgid (a message sync_msg returns again,
   * as after a cursor lost in a crash); returns the Token of the event that makes it read.
   */
  deliverAgain(openKfId: string, msgid: string): string {
    const queue = this.queues.get(openKfId) ?? [];
    const item = queue.find((queued) => queued.msgid === msgid);
    if (!item) throw new Error(`the fake never queued ${msgid}`);
    queue.push({ ...item });
    return this.issueToken();
  }

  /** A servicer writes from the WeCom client (origin 5): Yishi must leave it alone. */
  servicerSays(openKfId: string, externalUserId: string, content: string): string {
    this.push(openKfId, { external_userid: externalUserId, origin: 5, servicer_userid: 'servicer1', msgtype: 'text', text: { content } });
    return this.issueToken();
  }

  setSessionState(openKfId: string, externalUserId: string, state: number): void {
    this.session(openKfId, externalUserId).state = state;
  }

  /** The next_cursor a sync that has read everything of this account ends with. */
  cursorAtEnd(openKfId: string): string {
    return Buffer.from(`pos:${this.queues.get(openKfId)?.length ?? 0}`).toString('base64url');
  }

  /** Accepted kf/send_msg texts to one customer, in order. */
  sentTo(externalUserId: string): string[] {
    return this.sends.filter((s) => s.touser === externalUserId && s.errcode === 0).map((s) => s.content);
  }

  route(action: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (action) {
      case 'sync_msg':
        return this.syncMsg(body);
      case 'send_msg':
        return this.sendMsg(body);
      case 'send_msg_on_event':
        return this.sendOnEvent(body);
      case 'add_contact_way':
        return this.addContactWay(body);
      default:
        return { errcode: 404, errmsg: `the fake has no kf/${action}` };
    }
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  private issueToken(): string {
    const token = `ENC${randomBytes(12).toString('base64url')}`;
    this.tokens.set(token, this.now());
    return token;
  }

  private session(openKfId: string, externalUserId: string): Session {
    const key = `${openKfId}:${externalUserId}`;
    let session = this.sessions.get(key);
    if (!session) this.sessions.set(key, (session = { sentSince: 0, state: 0 }));
    return session;
  }

  private push(openKfId: string, fields: { origin: number; msgtype: string; [field: string]: unknown }): Item {
    this.counter += 1;
    const item: Item = {
      msgid: `kfmsg${String(this.counter).padStart(6, '0')}`,
      open_kfid: openKfId,
      send_time: Math.floor(this.now() / 1000),
      ...fields,
    };
    const queue = this.queues.get(openKfId) ?? [];
    queue.push(item);
    this.queues.set(openKfId, queue);
    return item;
  }

  private customerMessage(openKfId: string, externalUserId: string, msgtype: string, payload: Record<string, unknown>): void {
    const item = this.push(openKfId, { external_userid: externalUserId, origin: 3, servicer_userid: '', msgtype, ...payload });
    const session = this.session(openKfId, externalUserId);
    session.lastCustomerAt = item.send_time;
    session.sentSince = 0;
  }

  private syncMsg(body: Record<string, unknown>): Record<string, unknown> {
    const openKfId = String(body.open_kfid ?? '');
    const token = String(body.token ?? '');
    const cursor = typeof body.cursor === 'string' ? body.cursor : undefined;
    const limit = Math.min(Number(body.limit ?? 1000), 1000, this.pageSize);
    const call: KfSyncCall = { openKfId, token, cursor, limit, errcode: 0, returned: [] };
    this.syncCalls.push(call);
    const issuedAt = this.tokens.get(token);
    const refuse = (errcode: number, errmsg: string) => {
      call.errcode = errcode;
      return { errcode, errmsg };
    };
    if (issuedAt === undefined || this.now() - issuedAt > TOKEN_LIFETIME_MS) return refuse(95007, 'invalid msg token');
    const start = cursor ? Number(/^pos:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))?.[1] ?? NaN) : 0;
    if (!Number.isInteger(start)) return refuse(95006, 'invalid cursor');
    const queue = this.queues.get(openKfId) ?? [];
    const page = queue.slice(start, start + limit);
    call.returned = page.map((item) => item.msgid);
    const next = start + page.length;
    return { next_cursor: Buffer.from(`pos:${next}`).toString('base64url'), has_more: next < queue.length ? 1 : 0, msg_list: page };
  }

  private sendMsg(body: Record<string, unknown>): Record<string, unknown> {
    const touser = String(body.touser ?? '');
    const openKfId = String(body.open_kfid ?? '');
    const content = String((body.text as { content?: unknown } | undefined)?.content ?? '');
    const at = this.now();
    const record = (errcode: number, errmsg: string) => {
      this.sends.push({ touser, openKfId, content, ...(typeof body.msgid === 'string' ? { msgid: body.msgid } : {}), at, errcode });
      return { errcode, errmsg };
    };
    if (!touser || !openKfId || body.msgtype !== 'text' || !content) return record(40058, 'invalid parameter');
    if (Buffer.byteLength(content, 'utf8') > 2048) return record(40058, 'text.content exceed max length 2048');
    const session = this.session(openKfId, touser);
    if (session.state !== 0 && session.state !== 1) return record(95018, 'send msg session status invalid');
    const inWindow = session.lastCustomerAt !== undefined && at - session.lastCustomerAt * 1000 < KF_WINDOW_MS;
    if (!inWindow || session.sentSince >= KF_MAX_SENDS) return record(95001, 'send msg count limit');
    session.sentSince += 1;
    return { ...record(0, 'ok'), msgid: body.msgid ?? `sent${this.sends.length}` };
  }

  private sendOnEvent(body: Record<string, unknown>): Record<string, unknown> {
    const code = String(body.code ?? '');
    const content = String((body.text as { content?: unknown } | undefined)?.content ?? '');
    const issued = this.codes.get(code);
    const valid = issued && !issued.used && this.now() - issued.issuedAt <= WELCOME_CODE_LIFETIME_MS && content !== '';
    const errcode = valid ? 0 : 95016;
    if (valid) issued.used = true;
    this.welcomes.push({ code, content, errcode });
    return valid ? { msgid: `welcome${this.welcomes.length}` } : { errcode, errmsg: 'invalid welcome code (used, expired, or unknown)' };
  }

  private addContactWay(body: Record<string, unknown>): Record<string, unknown> {
    const openKfId = String(body.open_kfid ?? '');
    const scene = String(body.scene ?? '');
    if (!openKfId || !/^[0-9A-Za-z_-]{0,32}$/.test(scene)) return { errcode: 40058, errmsg: 'invalid scene' };
    const url = `https://work.weixin.qq.com/kfid/${openKfId}?enc_scene=ENC${Buffer.from(scene).toString('base64url')}${randomBytes(3).toString('hex')}`;
    this.contactWays.set(`${openKfId}:${scene}`, url);
    return { url };
  }
}
