import type { Clock } from '../../../core/clock.js';
import type { Coordination } from '../../../core/coordination.js';
import { SendError, type Address, type OutgoingMessage, type Sender, type SendOptions } from '../../types.js';
import { ROBOT_BUCKET, deliverPieces } from '../senders.js';
import { MARKDOWN_LIMIT_BYTES, splitUtf8 } from '../split.js';
import type { AibotLink } from './link.js';

/** WeCom's "api freq out of limit" (protocols.md §2.1). */
const FREQ_OUT_OF_LIMIT = 45009;
/** A notice that reached an instance without the connection waits this long; the holder is nudged meanwhile. */
const ELSEWHERE_RETRY_MS = 1_000;
const NUDGE_TTL_MS = 60_000;

/** The key a standby sets when it had to put a notice back; the holder sends soon after it sees it. */
export const nudgeKey = (botId: string) => `wecom-aibot-nudge:${botId}`;

/**
 * Notices to the smart robot's chats through `aibot_send_msg` on the long connection, as
 * markdown. Only the instance holding the connection can send: elsewhere the notice goes back
 * to the outbox for a moment (retryable, no attempt burnt) and the holder is nudged to send.
 * The robot's rate is one bucket shared by every instance (the group robots' 20 a minute:
 * WeCom publishes no separate figure for the long connection's pushes).
 */
export class AibotSender implements Sender {
  constructor(
    private readonly deps: {
      link: AibotLink;
      botId: string;
      coordination: Coordination;
      clock: Clock;
    },
  ) {}

  async send(to: Address, message: OutgoingMessage, options: SendOptions = {}): Promise<void> {
    if (to.platform !== 'wecom-aibot')
      throw new SendError(`this sender delivers to wecom-aibot, not to ${to.platform}`, 'wrong_address', false);
    const chatId = to.kind === 'group' ? to.chatId : to.userId;
    const mentions = message.mentionUserIds ?? [];
    const text = mentions.length ? `${mentions.map((id) => `<@${id}>`).join(' ')}\n${message.text}` : message.text;
    const pieces = splitUtf8(text, MARKDOWN_LIMIT_BYTES);
    await deliverPieces(this.deps.coordination, options.idempotencyKey, pieces, (content) => this.push(chatId, content));
  }

  private async push(chatId: string, content: string): Promise<void> {
    if (!this.deps.link.isConnected) {
      await this.deps.coordination.setState(nudgeKey(this.deps.botId), true, NUDGE_TTL_MS);
      throw new SendError(
        'the long connection is held by another instance (or reconnecting)',
        'wecom_aibot_not_here',
        true,
        ELSEWHERE_RETRY_MS,
      );
    }
    const { capacity, refillMs } = ROBOT_BUCKET;
    const bucket = await this.deps.coordination.takeToken(
      `wecom-aibot:${this.deps.botId}`,
      capacity,
      refillMs,
      this.deps.clock.now().getTime(),
    );
    if (!bucket.allowed)
      throw new SendError('the smart robot has used its 20 messages this minute', 'wecom_aibot_rate_limited', true, bucket.retryAfterMs);
    try {
      await this.deps.link.sendMarkdown(chatId, content);
    } catch (thrown) {
      throw refusal(thrown);
    }
  }
}

/** The SDK rejects with WeCom's answer frame (errcode, errmsg) or with an Error (timeout, socket gone). */
function refusal(thrown: unknown): SendError {
  const answer = thrown as { errcode?: unknown; errmsg?: unknown };
  if (typeof answer?.errcode === 'number') {
    const said = `WeCom refused aibot_send_msg: ${String(answer.errmsg ?? '')} (code ${answer.errcode})`;
    if (answer.errcode === FREQ_OUT_OF_LIMIT) return new SendError(said, 'wecom_aibot_rate_limited', true, 60_000);
    return new SendError(said, 'wecom_aibot_send_refused', false);
  }
  return new SendError(
    `aibot_send_msg got no answer: ${(thrown as Error)?.message ?? String(thrown)}`,
    'wecom_aibot_no_answer',
    true,
    ELSEWHERE_RETRY_MS,
  );
}
