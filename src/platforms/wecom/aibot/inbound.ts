import { randomBytes } from 'node:crypto';
import type { WsFrame } from '@wecom/aibot-node-sdk';
import type { Bot } from '../../../core/bot.js';
import type { Clock } from '../../../core/clock.js';
import type { Coordination } from '../../../core/coordination.js';
import type { Messages } from '../../../i18n/messages.js';
import type { Logger } from '../../../logger.js';
import type { Notifier } from '../../../services/notifier.js';
import type { Address, IncomingMessage, OutgoingMessage } from '../../types.js';
import { truncateUtf8 } from '../split.js';
import { readAibotCallback } from './frames.js';
import type { AibotLink } from './link.js';

/** A stream's content may hold 20480 bytes of UTF-8 (the SDK's StreamReplyBody). */
const STREAM_LIMIT_BYTES = 20_480;
const WELCOME_ONCE_MS = 24 * 60 * 60 * 1000;
const TIMED_OUT = Symbol('timed out');

export interface AibotInboundDeps {
  bot: Pick<Bot, 'handle'>;
  link: AibotLink;
  coordination: Coordination;
  notifier: Notifier;
  clock: Clock;
  messages: Messages;
  logger: Logger;
  /** An answer ready within this goes out at once; a slower one shows "正在处理…" first. */
  replyWithinMs: number;
}

const joinReplies = (replies: OutgoingMessage[]) => replies.map((reply) => reply.text).join('\n\n');

/**
 * The callback frames of the long connection, into the same bot pipeline as every platform:
 * messages are answered on the frame's req_id as a markdown stream (the answer when ready, with
 * "正在处理…" first if it takes longer), `enter_chat` gets the welcome at once, and anything
 * unreadable is logged and skipped — the connection stays. A redelivered message (same msgid) is
 * a duplicate in the bot and gets the answer given the first time.
 */
export class AibotInbound {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: AibotInboundDeps) {}

  onFrame(frame: WsFrame): void {
    const work = this.handleFrame(frame)
      .catch((error: unknown) =>
        this.deps.logger.error({ err: error, reqId: frame.headers?.req_id }, 'smart robot frame could not be handled'),
      )
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }

  /** Waits for answers still being worked on (graceful stop closes the connection after them). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async handleFrame(frame: WsFrame): Promise<void> {
    const { link, messages, logger } = this.deps;
    const callback = readAibotCallback(frame.body, this.deps.clock.now());
    const log = logger.child({ reqId: frame.headers?.req_id, cmd: frame.cmd });
    switch (callback.kind) {
      case 'invalid':
        log.warn({ problem: callback.problem }, 'smart robot frame is not a message Yishi can read; skipped');
        return;
      case 'ignore':
        log.info({ what: callback.what }, 'smart robot callback skipped: nothing to answer');
        return;
      case 'welcome': {
        const msgid = (frame.body as { msgid: string }).msgid;
        if (await this.deps.coordination.claimOnce(`wecom-aibot:welcome:${msgid}`, WELCOME_ONCE_MS))
          await link.replyWelcome(frame, messages.wecom.welcome);
        return;
      }
      case 'unsupported':
        await link.replyStream(frame, streamId(), messages.wecom.onlyText, true);
        return;
      case 'message':
        await this.answer(frame, callback.message, log);
        return;
    }
  }

  private async within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  }

  private async answer(frame: WsFrame, message: IncomingMessage, log: Logger): Promise<void> {
    const { link, messages } = this.deps;
    const id = streamId();
    const work = this.deps.bot.handle(message);
    work.catch(() => undefined);
    // WECOM_REPLY_WITHIN_MS=0: always 正在处理… first, however quick the answer.
    const first = this.deps.replyWithinMs > 0 ? await this.within(work, this.deps.replyWithinMs) : TIMED_OUT;
    let working = false;
    if (first === TIMED_OUT) {
      working = true;
      await link.replyStream(frame, id, messages.wecom.working, false).catch((error: unknown) => {
        log.warn({ err: error }, 'could not show "正在处理…"');
      });
    }
    const handled = await work;
    if (handled.duplicate && handled.replies.length === 0) log.info('redelivered while the first copy is still being answered');
    const text = joinReplies(handled.replies);
    if (!text && !working) return;
    const content = truncateUtf8(text || messages.wecom.handled, STREAM_LIMIT_BYTES, messages.wecom.truncated);
    try {
      await link.replyStream(frame, id, content, true);
    } catch (error) {
      // The connection dropped (or moved) while answering: the answer still reaches the chat.
      log.warn({ err: error, messageId: message.messageId }, 'answer could not go back on its frame; sending it to the chat instead');
      await this.deps.notifier.notify(
        { kind: 'address', address: chatAddress(message) },
        { text: content, format: 'markdown' },
        { idempotencyKey: `wecom-aibot-reply:${message.messageId}` },
      );
    }
  }
}

function streamId(): string {
  return randomBytes(8).toString('hex');
}

function chatAddress(message: IncomingMessage): Address {
  return message.chat.address ?? { platform: 'wecom-aibot', kind: 'user', userId: message.sender.platformUserId };
}
