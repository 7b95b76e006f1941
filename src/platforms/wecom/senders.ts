import { createHash } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Clock } from '../../core/clock.js';
import type { Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import type { Coordination } from '../../core/coordination.js';
import { SendError, type Address, type OutgoingMessage, type Sender, type SendOptions } from '../types.js';
import { AccessTokenClient } from './access-token.js';
import { callWecom, sendErrorFor } from './api.js';
import { MARKDOWN_LIMIT_BYTES, splitUtf8, TEXT_LIMIT_BYTES, truncateUtf8 } from './split.js';

/**
 * A group robot may post 20 messages a minute. A token bucket of capacity C refilling at r per
 * minute lets through up to C + r in any one minute, so 10 + 10/min keeps every minute at 20.
 */
export const ROBOT_BUCKET = { capacity: 10, refillMs: 60_000 } as const;
const PROGRESS_TTL_MS = 24 * 60 * 60 * 1000;

function wrongAddress(to: Address, expected: string): SendError {
  return new SendError(`this sender delivers to ${expected}, not to ${to.platform}`, 'wrong_address', false);
}

/**
 * Sends the pieces of one logical message in order. With an idempotency key, the pieces already
 * delivered are remembered, so a retry after a refusal half-way does not repeat them.
 */
export async function deliverPieces<T>(
  coordination: Coordination,
  key: string | undefined,
  pieces: T[],
  deliver: (piece: T) => Promise<void>,
): Promise<void> {
  const progressKey = key ? `wecom-sent:${key}` : undefined;
  let done = progressKey ? ((await coordination.getState<number>(progressKey)) ?? 0) : 0;
  while (done < pieces.length) {
    await deliver(pieces[done]!);
    done += 1;
    if (progressKey) await coordination.setState(progressKey, done, PROGRESS_TTL_MS);
  }
}

/** Members through the self-built app (`message/send`), text up to 2048 bytes a piece. */
export class WecomAppSender implements Sender {
  constructor(private readonly deps: { tokens: AccessTokenClient; agentId: string; coordination: Coordination }) {}

  async send(to: Address, message: OutgoingMessage, options: SendOptions = {}): Promise<void> {
    if (to.platform !== 'wecom-app') throw wrongAddress(to, 'wecom-app');
    const msgtype = message.format === 'markdown' ? 'markdown' : 'text';
    const pieces = splitUtf8(message.text, TEXT_LIMIT_BYTES);
    await deliverPieces(this.deps.coordination, options.idempotencyKey, pieces, async (content) => {
      const result = await this.deps.tokens.post('message/send', {
        touser: to.userId,
        msgtype,
        agentid: Number(this.deps.agentId),
        [msgtype]: { content },
        // WeCom drops identical content within the interval: a guard for notices retried after a
        // lost answer, but not for chat replies (asking "帮助" twice must answer twice).
        ...(options.idempotencyKey ? { enable_duplicate_check: 1, duplicate_check_interval: 1800 } : {}),
      });
      if (result.errcode !== 0) throw sendErrorFor(result, 'message/send');
    });
  }
}

/** Committee groups through a group robot's webhook: at most 20 a minute, shared by every instance. */
export class WecomGroupRobotSender implements Sender {
  constructor(
    private readonly deps: {
      apiBase: string;
      coordination: Coordination;
      clock: Clock;
      /** Only `npm run bench:fanout` lifts this (its fake robots have no limit); production keeps ROBOT_BUCKET. */
      bucket?: { capacity: number; refillMs: number };
    },
  ) {}

  async send(to: Address, message: OutgoingMessage, options: SendOptions = {}): Promise<void> {
    if (to.platform !== 'wecom-group-robot') throw wrongAddress(to, 'wecom-group-robot');
    const mentions = message.mentionUserIds ?? [];
    const payloads: unknown[] =
      message.format === 'markdown'
        ? splitUtf8(
            mentions.length ? `${mentions.map((id) => `<@${id}>`).join(' ')}\n${message.text}` : message.text,
            MARKDOWN_LIMIT_BYTES,
          ).map((content) => ({
            msgtype: 'markdown',
            markdown: { content },
          }))
        : splitUtf8(message.text, TEXT_LIMIT_BYTES).map((content, index) => ({
            msgtype: 'text',
            text: { content, ...(index === 0 && mentions.length ? { mentioned_list: mentions } : {}) },
          }));
    // A group robot posts images as `image` {base64, md5} (PNG or JPG, at most 2 MB): after the text.
    if (message.image)
      payloads.push({
        msgtype: 'image',
        image: { base64: message.image.png.toString('base64'), md5: createHash('md5').update(message.image.png).digest('hex') },
      });
    await deliverPieces(this.deps.coordination, options.idempotencyKey, payloads, (payload) => this.post(to.webhookKey, payload));
  }

  private async post(webhookKey: string, payload: unknown): Promise<void> {
    const { capacity, refillMs } = this.deps.bucket ?? ROBOT_BUCKET;
    const bucket = await this.deps.coordination.takeToken(`wecom-robot:${webhookKey}`, capacity, refillMs, this.deps.clock.now().getTime());
    if (!bucket.allowed)
      throw new SendError('the group robot has used its 20 messages this minute', 'wecom_robot_rate_limited', true, bucket.retryAfterMs);
    const result = await callWecom(`${this.deps.apiBase}/cgi-bin/webhook/send?key=${encodeURIComponent(webhookKey)}`, payload);
    if (result.errcode !== 0) throw sendErrorFor(result, 'webhook/send');
  }
}

/**
 * Late answers in the smart robot's chats, through the callback's `response_url`. It works once,
 * so the answer goes in one markdown message (cut at 4096 bytes). Only its path and query are
 * used, on WECOM_API_BASE, so Yishi never posts to a host it was not configured with.
 */
export class WecomResponseUrlSender implements Sender {
  constructor(private readonly deps: { apiBase: string; messages: Messages }) {}

  async send(to: Address, message: OutgoingMessage): Promise<void> {
    if (to.platform !== 'wecom-bot') throw wrongAddress(to, 'wecom-bot');
    let target: URL;
    try {
      target = new URL(to.url);
    } catch {
      throw new SendError('the response_url is not a URL', 'wecom_response_url_invalid', false);
    }
    const content = truncateUtf8(message.text, MARKDOWN_LIMIT_BYTES, this.deps.messages.wecom.truncated);
    const result = await callWecom(`${this.deps.apiBase}${target.pathname}${target.search}`, {
      msgtype: 'markdown',
      markdown: { content },
    });
    if (result.errcode !== 0) throw sendErrorFor(result, 'aibot response_url');
  }
}

/** Every WeCom sender, keyed by the address platform it serves (the app's only when configured). */
export interface WecomSenders {
  'wecom-app'?: WecomAppSender;
  'wecom-group-robot': WecomGroupRobotSender;
  'wecom-bot': WecomResponseUrlSender;
}

export interface WecomSenderDeps {
  coordination: Coordination;
  clock: Clock;
  logger: Logger;
  messages: Messages;
}

/** Builds the WeCom senders from the configuration; the outbox dispatcher registers them by key. */
export function createWecomSenders(config: Config, deps: WecomSenderDeps): WecomSenders {
  const { apiBase, app } = config.wecom;
  const tokens = app
    ? new AccessTokenClient({ apiBase, corpId: app.corpId, secret: app.secret, coordination: deps.coordination, logger: deps.logger })
    : undefined;
  return {
    ...(app && tokens ? { 'wecom-app': new WecomAppSender({ tokens, agentId: app.agentId, coordination: deps.coordination }) } : {}),
    'wecom-group-robot': new WecomGroupRobotSender({ apiBase, coordination: deps.coordination, clock: deps.clock }),
    'wecom-bot': new WecomResponseUrlSender({ apiBase, messages: deps.messages }),
  };
}
