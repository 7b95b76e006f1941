import { DWClient, TOPIC_ROBOT, type DWClientDownStream } from 'dingtalk-stream';
import type { DingtalkConfig } from '../../config.js';
import type { Logger } from '../../logger.js';

const BACKOFF_FIRST_MS = 1_000;
const BACKOFF_MAX_MS = 60_000;

/** Exponential backoff with jitter: about 1 s, 2 s, 4 s … up to 60 s. */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  if (attempt <= 0) return 0;
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Stream mode on the official `dingtalk-stream` SDK, which keeps the socket, answers SYSTEM pings
 * and frames the ACKs. Two things are added here, because the SDK (2.1.5) hard-codes them:
 * the gateway URL (so `DINGTALK_API_BASE` can point at a test gateway) and reconnection with
 * backoff (the SDK retries every second, forever, and may start two connects at once).
 */
export class DingtalkStreamClient extends DWClient {
  private stopped = false;
  private connecting = false;
  /** Connects since DingTalk last sent a frame; a socket that never speaks counts as a failure. */
  private attemptsSinceFrame = 0;
  private wakeSleep: (() => void) | undefined;

  constructor(
    private readonly settings: DingtalkConfig,
    private readonly logger: Logger,
    /** Resolves once the message is durably recorded; rejects when the stores cannot take it. */
    private readonly onRobotMessage: (payload: unknown) => Promise<void>,
  ) {
    super({ clientId: settings.appKey, clientSecret: settings.appSecret, ua: 'yishi' });
    this.registerCallbackListener(TOPIC_ROBOT, (frame: DWClientDownStream) => this.onRobotFrame(frame));
  }

  override async getEndpoint(): Promise<this> {
    const response = await fetch(`${this.settings.apiBase}/v1.0/gateway/connections/open`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        clientId: this.config.clientId,
        clientSecret: this.config.clientSecret,
        ua: this.config.ua,
        subscriptions: this.config.subscriptions,
      }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json().catch(() => ({}))) as { endpoint?: unknown; ticket?: unknown };
    if (!response.ok || typeof body.endpoint !== 'string' || typeof body.ticket !== 'string') {
      throw new Error(`DingTalk Stream gateway refused the connection request (HTTP ${response.status})`);
    }
    const url = new URL(body.endpoint);
    url.searchParams.set('ticket', body.ticket);
    // The SDK's `_connect` opens `dw_url`; it is private in its typings but a plain field.
    Reflect.set(this, 'dw_url', url.toString());
    return this;
  }

  /** Opens the stream; on failure or a dropped socket it tries again with backoff until stopped. */
  override async connect(): Promise<void> {
    // The SDK calls connect() again when a socket closes; one loop at a time is enough.
    // A late timer from an old socket must not open a second one beside a live socket.
    if (this.stopped || this.connecting || this.connected) return;
    this.connecting = true;
    try {
      while (!this.stopped) {
        const delay = reconnectDelayMs(this.attemptsSinceFrame);
        this.attemptsSinceFrame += 1;
        if (delay > 0) {
          this.logger.info({ delayMs: delay }, 'DingTalk Stream: reconnecting after a pause');
          await this.sleep(delay);
          if (this.stopped) return;
        }
        try {
          await this.getEndpoint();
          if (this.stopped) return;
          await this._connect();
          if (this.stopped) super.disconnect();
          else this.logger.info('DingTalk Stream connected');
          return;
        } catch (error) {
          this.logger.warn({ err: error }, 'DingTalk Stream connection failed');
        }
      }
    } finally {
      this.connecting = false;
    }
  }

  override onDownStream(data: string): void {
    this.attemptsSinceFrame = 0;
    super.onDownStream(data);
  }

  /** Closes the socket for good (shutdown). */
  stop(): void {
    this.stopped = true;
    this.wakeSleep?.();
    super.disconnect();
  }

  private onRobotFrame(frame: DWClientDownStream): void {
    const frameId = frame.headers.messageId;
    let payload: unknown;
    try {
      payload = JSON.parse(frame.data);
    } catch (error) {
      // Unreadable now is unreadable on every redelivery: ACK it so DingTalk stops sending it.
      this.ack(frameId);
      this.logger.error({ err: error, frameId }, 'DingTalk Stream frame could not be read');
      return;
    }
    // The SDK leaves the ACK to us, so it waits until the message is durably recorded. Without an
    // ACK DingTalk delivers the message again (within about a minute), which is what we want while
    // MongoDB is away; a copy that arrives anyway is a duplicate by msgId and changes nothing.
    this.onRobotMessage(payload).then(
      () => this.ack(frameId),
      (error: unknown) =>
        this.logger.warn(
          { err: error, frameId },
          'DingTalk Stream message not recorded (store unavailable?); no ACK, DingTalk will deliver it again',
        ),
    );
  }

  private ack(frameId: string): void {
    try {
      this.socketCallBackResponse(frameId, null);
    } catch (error) {
      // The socket went away meanwhile: DingTalk delivers again and the copy is a duplicate.
      this.logger.warn({ err: error, frameId }, 'DingTalk Stream ACK could not be sent');
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeSleep = done;
    });
  }
}
