import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** A frame as both sides write it: `{cmd, headers:{req_id}, body}`; answers carry `errcode`/`errmsg` instead of `cmd`. */
export interface AibotFrame {
  cmd?: string;
  headers: { req_id: string };
  body?: Record<string, unknown>;
  errcode?: number;
  errmsg?: string;
}

/** One `aibot_respond_msg` / `aibot_respond_welcome_msg` / `aibot_send_msg` the gateway took, with when. */
export interface Received {
  cmd: string;
  reqId: string;
  body: Record<string, unknown>;
  at: number;
}

/** WeCom's refusal of a wrong bot id or secret (the SDK only reads errcode ≠ 0; the figure is the global "invalid secret"). */
const INVALID_SECRET = { errcode: 40001, errmsg: 'invalid credential: bot_id or secret is wrong' };
/**
 * A push to a chat the robot is not in. The long connection's figure is not in the sources read;
 * this is the group robot's "not in the group" (protocols.md §2.1). Yishi reads any code but 45009 as a refusal.
 */
const NOT_IN_CHAT = { errcode: 93008, errmsg: 'the robot is not in this chat' };
/** The global "api freq out of limit" (protocols.md §2.1). */
const FREQ_OUT_OF_LIMIT = { errcode: 45009, errmsg: 'api freq out of limit' };

/**
 * WeCom's smart-robot long-connection gateway as `@wecom/aibot-node-sdk` speaks to it
 * (developer.work.weixin.qq.com path/101463): the client subscribes with
 * `{cmd:'aibot_subscribe', body:{bot_id, secret}}` and gets `{errcode:0}` (or a refusal), pings
 * with `{cmd:'ping'}`, and answers callbacks on their req_id. One connection per robot: a newer
 * subscription gets the older one a `disconnected_event` and closes it. Pushes (`aibot_send_msg`)
 * are held to `sendsPerMinute` per robot; more get 45009.
 */
export class FakeAibotGateway {
  readonly received: Received[] = [];
  /** Every subscription attempt: accepted or not, with when. */
  readonly subscribes: Array<{ botId: string; accepted: boolean; at: number }> = [];
  readonly pings: number[] = [];
  /** When each client socket closed (ms). */
  readonly closes: number[] = [];
  /** While true, answers (`aibot_respond_*`) are taken but not acknowledged: the SDK waits before its next reply on that req_id. */
  holdAcks = false;
  /** When set, pushes go only to these chats (group chatids or userids); others are refused. */
  knownChats: Set<string> | undefined;
  private readonly heldAcks: Array<() => void> = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private subscribed: WebSocket | undefined;
  private readonly sockets = new Set<WebSocket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: { botId: string; secret: string; sendsPerMinute: number },
  ) {
    server.on('upgrade', (request, socket, head) => {
      this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
    });
  }

  static async start(options: { botId: string; secret: string; sendsPerMinute?: number }): Promise<FakeAibotGateway> {
    const server = createServer((_request, response) => response.writeHead(426).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new FakeAibotGateway(server, `ws://127.0.0.1:${port}`, { sendsPerMinute: 20, ...options });
  }

  /** True while a client holds the robot's subscription. */
  get connected(): boolean {
    return this.subscribed !== undefined;
  }

  /** Pushes a member's message (`aibot_msg_callback`) to the subscribed client; returns its req_id. */
  deliver(body: Record<string, unknown>, cmd = 'aibot_msg_callback'): string {
    const reqId = `${cmd}_${randomBytes(6).toString('hex')}`;
    this.sendRaw(JSON.stringify({ cmd, headers: { req_id: reqId }, body }));
    return reqId;
  }

  /** Pushes an event (`aibot_event_callback`), e.g. enter_chat. */
  deliverEvent(body: Record<string, unknown>): string {
    return this.deliver(body, 'aibot_event_callback');
  }

  /** Sends anything, even what is not JSON, to the subscribed client. */
  sendRaw(data: string): void {
    if (!this.subscribed) throw new Error('no client holds the robot subscription');
    this.subscribed.send(data);
  }

  /** The answers sent on one callback's req_id, oldest first. */
  answersTo(reqId: string): Received[] {
    return this.received.filter((frame) => frame.reqId === reqId);
  }

  /** The pushes (`aibot_send_msg`) the gateway took. */
  pushes(): Received[] {
    return this.received.filter((frame) => frame.cmd === 'aibot_send_msg');
  }

  /** Acknowledges the answers held so far, and stops holding. */
  releaseAcks(): void {
    this.holdAcks = false;
    for (const ack of this.heldAcks.splice(0)) ack();
  }

  /** Drops every socket, as when the network fails. */
  drop(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  async stop(): Promise<void> {
    this.drop();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => {
      this.closes.push(Date.now());
      this.sockets.delete(ws);
      if (this.subscribed === ws) this.subscribed = undefined;
    });
    ws.on('message', (raw) => this.onFrame(ws, raw.toString()));
  }

  private onFrame(ws: WebSocket, raw: string): void {
    let frame: AibotFrame;
    try {
      frame = JSON.parse(raw) as AibotFrame;
    } catch {
      return;
    }
    const reqId = frame.headers?.req_id ?? '';
    const answer = (result: { errcode: number; errmsg: string }) => ws.send(JSON.stringify({ headers: { req_id: reqId }, ...result }));
    const ok = { errcode: 0, errmsg: 'ok' };
    switch (frame.cmd) {
      case 'aibot_subscribe': {
        const botId = String(frame.body?.bot_id ?? '');
        const accepted = botId === this.options.botId && frame.body?.secret === this.options.secret;
        this.subscribes.push({ botId, accepted, at: Date.now() });
        if (!accepted) return answer(INVALID_SECRET);
        const older = this.subscribed;
        this.subscribed = ws;
        if (older && older !== ws) {
          const event = {
            msgid: randomBytes(6).toString('hex'),
            aibotid: botId,
            msgtype: 'event',
            event: { eventtype: 'disconnected_event' },
          };
          older.send(
            JSON.stringify({ cmd: 'aibot_event_callback', headers: { req_id: `evt_${randomBytes(4).toString('hex')}` }, body: event }),
          );
          older.close();
        }
        return answer(ok);
      }
      case 'ping':
        this.pings.push(Date.now());
        return answer(ok);
      case 'aibot_respond_msg':
      case 'aibot_respond_welcome_msg':
        this.received.push({ cmd: frame.cmd, reqId, body: frame.body ?? {}, at: Date.now() });
        if (this.holdAcks) return void this.heldAcks.push(() => answer(ok));
        return answer(ok);
      case 'aibot_send_msg': {
        const now = Date.now();
        const lastMinute = this.pushes().filter((push) => push.at > now - 60_000).length;
        if (lastMinute >= this.options.sendsPerMinute) return answer(FREQ_OUT_OF_LIMIT);
        if (this.knownChats && !this.knownChats.has(String(frame.body?.chatid))) return answer(NOT_IN_CHAT);
        this.received.push({ cmd: frame.cmd, reqId, body: frame.body ?? {}, at: now });
        return answer(ok);
      }
      default:
        return answer({ errcode: 40000, errmsg: `unknown cmd ${String(frame.cmd)}` });
    }
  }
}

/** A member's text message as WeCom pushes it over the long connection (in a group, the text starts with the @-mention). */
export function aibotText(options: { from: string; content: string; chatId?: string; msgid?: string }): Record<string, unknown> {
  return {
    msgid: options.msgid ?? randomBytes(12).toString('base64'),
    aibotid: 'AIBOT_TEST',
    ...(options.chatId ? { chatid: options.chatId, chattype: 'group' } : { chattype: 'single' }),
    from: { userid: options.from },
    create_time: Math.floor(Date.now() / 1000),
    msgtype: 'text',
    text: { content: options.content },
  };
}
