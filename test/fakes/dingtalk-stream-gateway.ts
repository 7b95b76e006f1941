import { randomUUID } from 'node:crypto';
import type { IncomingMessage as HttpRequest } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

/** A frame the gateway sent to a client. */
export interface GatewayFrame {
  specVersion: string;
  type: 'SYSTEM' | 'EVENT' | 'CALLBACK';
  headers: Record<string, string>;
  data: string;
}

/** A reply frame a client sent back (ACKs and ping echoes). */
export interface ClientReply {
  code: number;
  headers: Record<string, string>;
  message: string;
  data: string;
}

interface Delivery {
  frame: GatewayFrame;
  acks: number;
  redeliveriesLeft: number;
  lateAck: boolean;
  timer?: NodeJS.Timeout;
}

const ROBOT_TOPIC = '/v1.0/im/bot/messages/get';
const TICKET_LIFETIME_MS = 90_000;

/**
 * DingTalk's Stream gateway as the protocol describes it: `POST /v1.0/gateway/connections/open`
 * returns `{endpoint, ticket}` (single use, 90 s), the WebSocket at `endpoint?ticket=…` carries
 * CALLBACK frames; clients ACK with `{code:200, headers:{messageId}, data:'{"response":null}'}`.
 * A robot message without an ACK within `ackDeadlineMs` is delivered again.
 */
export class FakeStreamGateway {
  readonly opens: Array<{ clientId: string; subscriptions: Array<{ type: string; topic: string }> }> = [];
  readonly replies: ClientReply[] = [];
  readonly refusedUpgrades: string[] = [];
  private readonly tickets = new Map<string, { expiresAt: number; used: boolean }>();
  private readonly deliveries = new Map<string, Delivery>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private baseWsUrl = '';

  constructor(private readonly options: { clientId: string; clientSecret: string; ackDeadlineMs?: number }) {}

  /** Set by the HTTP server once it listens. */
  attach(baseHttpUrl: string): void {
    this.baseWsUrl = baseHttpUrl.replace(/^http/, 'ws');
  }

  /** `POST /v1.0/gateway/connections/open`. */
  open(body: Record<string, unknown>): { status: number; body: unknown } {
    if (body.clientId !== this.options.clientId || body.clientSecret !== this.options.clientSecret) {
      return { status: 401, body: { code: 'InvalidAuthentication', message: 'clientId or clientSecret is invalid' } };
    }
    this.opens.push({
      clientId: String(body.clientId),
      subscriptions: (body.subscriptions as Array<{ type: string; topic: string }>) ?? [],
    });
    const ticket = randomUUID();
    this.tickets.set(ticket, { expiresAt: Date.now() + TICKET_LIFETIME_MS, used: false });
    return { status: 200, body: { endpoint: `${this.baseWsUrl}/connect`, ticket } };
  }

  /** Handles an HTTP upgrade on `/connect`; a missing, unknown, used or stale ticket gets 401. */
  upgrade(request: HttpRequest, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://fake');
    const ticket = url.searchParams.get('ticket') ?? '';
    const known = this.tickets.get(ticket);
    if (url.pathname !== '/connect' || !known || known.used || known.expiresAt < Date.now()) {
      this.refusedUpgrades.push(ticket);
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    known.used = true;
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      this.sockets.add(ws);
      ws.on('close', () => this.sockets.delete(ws));
      ws.on('message', (raw) => this.onReply(raw.toString()));
    });
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  /**
   * Sends a robot message (the §5.1 JSON) as a CALLBACK frame to one connected client.
   * `lateAck` models an ACK that arrived after DingTalk had already decided to retry: the frame
   * is delivered once more right after that ACK.
   */
  deliverRobotMessage(payload: Record<string, unknown>, options: { lateAck?: boolean } = {}): string {
    const messageId = randomUUID();
    const frame: GatewayFrame = {
      specVersion: '1.0',
      type: 'CALLBACK',
      headers: {
        appId: 'fake-app',
        connectionId: 'fake-conn',
        contentType: 'application/json',
        messageId,
        time: String(Date.now()),
        topic: ROBOT_TOPIC,
      },
      data: JSON.stringify(payload),
    };
    const delivery: Delivery = { frame, acks: 0, redeliveriesLeft: 1, lateAck: options.lateAck ?? false };
    this.deliveries.set(messageId, delivery);
    this.send(delivery);
    return messageId;
  }

  /** A SYSTEM ping; the client must echo its `opaque`. Returns the opaque value. */
  ping(): string {
    const opaque = randomUUID();
    const frame: GatewayFrame = {
      specVersion: '1.0',
      type: 'SYSTEM',
      headers: { contentType: 'application/json', messageId: randomUUID(), time: String(Date.now()), topic: 'ping' },
      data: JSON.stringify({ opaque }),
    };
    for (const socket of this.sockets) socket.send(JSON.stringify(frame));
    return opaque;
  }

  /** Drops every open socket, as when DingTalk rebalances. */
  dropConnections(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  /** ACK replies received for a frame. */
  acksFor(messageId: string): ClientReply[] {
    return this.replies.filter((reply) => reply.headers.messageId === messageId && reply.data === '{"response":null}');
  }

  /** How many times a frame was sent (first delivery plus redeliveries). */
  deliveriesOf(messageId: string): number {
    const delivery = this.deliveries.get(messageId);
    return delivery ? 2 - delivery.redeliveriesLeft : 0;
  }

  close(): Promise<void> {
    for (const delivery of this.deliveries.values()) clearTimeout(delivery.timer);
    for (const socket of this.sockets) socket.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private send(delivery: Delivery): void {
    const socket = [...this.sockets][0];
    socket?.send(JSON.stringify(delivery.frame));
    clearTimeout(delivery.timer);
    delivery.timer = setTimeout(() => {
      if (delivery.acks === 0) this.redeliver(delivery);
    }, this.options.ackDeadlineMs ?? 60_000);
    delivery.timer.unref();
  }

  private redeliver(delivery: Delivery): void {
    if (delivery.redeliveriesLeft <= 0) return;
    delivery.redeliveriesLeft -= 1;
    this.send(delivery);
  }

  private onReply(raw: string): void {
    let reply: ClientReply;
    try {
      reply = JSON.parse(raw) as ClientReply;
    } catch {
      return;
    }
    this.replies.push(reply);
    const delivery = this.deliveries.get(reply.headers?.messageId ?? '');
    if (!delivery) return;
    delivery.acks += 1;
    if (delivery.lateAck && delivery.acks === 1) this.redeliver(delivery);
  }
}
