import { WSClient, type WsFrame, type WsFrameHeaders } from '@wecom/aibot-node-sdk';
import type { WecomAibotConfig } from '../../../config.js';
import type { Logger } from '../../../logger.js';
import type { ConnectionStatus } from '../../types.js';

/** What the link hands on: callback frames, and the news that WeCom moved the robot to another connection. */
export interface LinkHandlers {
  onMessage(frame: WsFrame): void;
  onEvent(frame: WsFrame): void;
  /** WeCom sent `disconnected_event`: a newer connection for this robot took over, so this one is closed. */
  onReplaced(): void;
}

/** Reconnect pauses: the SDK doubles from this up to its 30 s cap (auth refusals too, so a wrong secret never hammers). */
const RECONNECT_BASE_MS = 1_000;

/**
 * One long connection to WeCom's gateway on the official `@wecom/aibot-node-sdk`, which frames
 * `aibot_subscribe`, pings every 30 s, queues replies per req_id and reconnects with backoff.
 * Added here: the state for /readyz (a refused secret stays `refused` until one is accepted) and
 * the SDK's log lines in ours.
 */
export class AibotLink {
  private client: WSClient | undefined;
  private state: ConnectionStatus['state'] = 'stopped';
  private detail: string | undefined;

  constructor(
    private readonly config: WecomAibotConfig,
    private readonly logger: Logger,
    private readonly handlers: LinkHandlers,
  ) {}

  get isConnected(): boolean {
    return this.state === 'connected' && this.client?.isConnected === true;
  }

  /** The link's own part of the status (the holder adds `standby`). */
  status(): { state: ConnectionStatus['state']; detail?: string } {
    return { state: this.state, ...(this.detail ? { detail: this.detail } : {}) };
  }

  open(): void {
    if (this.client) return;
    this.state = 'connecting';
    this.detail = undefined;
    const client = new WSClient({
      botId: this.config.botId,
      secret: this.config.secret,
      wsUrl: this.config.wsUrl,
      reconnectInterval: RECONNECT_BASE_MS,
      // Keep trying: the holder decides when to give the connection up, not the SDK.
      maxReconnectAttempts: -1,
      maxAuthFailureAttempts: -1,
      logger: sdkLogger(this.logger),
    });
    client.on('authenticated', () => {
      this.state = 'connected';
      this.detail = undefined;
      this.logger.info({ wsUrl: this.config.wsUrl }, 'WeCom smart robot long connection is up (subscribed)');
    });
    client.on('disconnected', (reason) => {
      if (this.client !== client || this.state === 'refused') return;
      this.state = 'connecting';
      this.detail = `connection lost (${reason}); reconnecting`;
      this.logger.warn({ reason }, 'WeCom smart robot long connection lost; the SDK reconnects with backoff');
    });
    client.on('error', (error) => {
      if (/^Authentication failed/.test(error.message)) {
        this.state = 'refused';
        this.detail = `WeCom refused WECOM_BOT_ID/WECOM_BOT_SECRET: ${error.message}`;
        this.logger.error(
          { botId: this.config.botId, reason: error.message },
          'WeCom refused the smart robot credentials (check WECOM_BOT_ID and WECOM_BOT_SECRET); retrying with backoff up to 30 s',
        );
        return;
      }
      this.logger.warn({ err: error }, 'WeCom smart robot long connection error');
    });
    client.on('message', (frame) => this.handlers.onMessage(frame));
    client.on('event', (frame) => {
      if (frame.body?.event?.eventtype === 'disconnected_event') {
        this.logger.warn('WeCom moved the smart robot to a newer connection (disconnected_event); this one is closed');
        this.close();
        this.handlers.onReplaced();
        return;
      }
      this.handlers.onEvent(frame);
    });
    this.client = client;
    client.connect();
  }

  /** Closes the connection (no reconnect). */
  close(): void {
    const client = this.client;
    this.client = undefined;
    this.state = 'stopped';
    this.detail = undefined;
    if (client) {
      client.removeAllListeners();
      client.disconnect();
    }
  }

  /** A stream answer on the frame's req_id (`aibot_respond_msg`); the same stream id replaces what the member sees. */
  replyStream(frame: WsFrameHeaders, streamId: string, content: string, finish: boolean): Promise<WsFrame> {
    return this.connected().replyStream(frame, streamId, content, finish);
  }

  /** The welcome for `enter_chat` (`aibot_respond_welcome_msg`), within WeCom's 5 seconds. */
  replyWelcome(frame: WsFrameHeaders, content: string): Promise<WsFrame> {
    return this.connected().replyWelcome(frame, { msgtype: 'text', text: { content } });
  }

  /** A push to a chat (`aibot_send_msg`), as markdown. */
  sendMarkdown(chatId: string, content: string): Promise<WsFrame> {
    return this.connected().sendMessage(chatId, { msgtype: 'markdown', markdown: { content } });
  }

  private connected(): WSClient {
    if (!this.client || !this.isConnected) throw new Error('the WeCom smart robot long connection is not open on this instance');
    return this.client;
  }
}

/** The SDK's console-style lines in pino: its chatter at debug, its warnings and errors as they are. */
function sdkLogger(logger: Logger) {
  const child = logger.child({ component: 'aibot-sdk' });
  const line = (message: string, args: unknown[]) => [message, ...args.map(String)].join(' ');
  return {
    debug: (message: string, ...args: unknown[]) => child.debug(line(message, args)),
    info: (message: string, ...args: unknown[]) => child.debug(line(message, args)),
    warn: (message: string, ...args: unknown[]) => child.warn(line(message, args)),
    error: (message: string, ...args: unknown[]) => child.warn(line(message, args)),
  };
}
