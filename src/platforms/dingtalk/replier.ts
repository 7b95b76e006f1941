import type { Clock } from '../../core/clock.js';
import type { DingtalkConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { Notifier } from '../../services/notifier.js';
import { SendError, type Address, type IncomingMessage, type OutgoingMessage } from '../types.js';
import { webhookBody } from './format.js';
import { DingtalkCode, describeAnswer, errorCodeOf, isSuccess, isThrottled, requestJson } from './http-client.js';
import type { DingtalkReplyHandle } from './parse.js';
import { refusal, type DingtalkRobotSender } from './senders.js';
import type { RobotThrottle } from './throttle.js';

/** Stop using a session webhook a little before DingTalk does, so a slow request does not hit 300001. */
const SESSION_MARGIN_MS = 30_000;

/**
 * Answers one incoming DingTalk message: through its session webhook while that is valid (with
 * the sender @-mentioned in groups), else through the OpenAPI. A reply that cannot go now (rate
 * limit, network) is handed to the outbox, which retries it.
 */
export class DingtalkReplier {
  private readonly oapiOrigin: string;

  constructor(
    private readonly config: DingtalkConfig,
    private readonly robot: DingtalkRobotSender,
    private readonly throttle: RobotThrottle,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.oapiOrigin = new URL(config.oapiBase).origin;
  }

  async reply(message: IncomingMessage, replies: OutgoingMessage[]): Promise<void> {
    const handle = message.replyHandle as DingtalkReplyHandle;
    for (const [index, reply] of replies.entries()) {
      try {
        await this.replyOne(handle, reply);
      } catch (error) {
        const address = addressOf(handle);
        if (error instanceof SendError && error.retryable && address) {
          const dueAt = new Date(this.clock.now().getTime() + (error.retryAfterMs ?? 0));
          await this.notifier.notify({ kind: 'address', address }, reply, {
            idempotencyKey: `dingtalk-reply:${message.messageId}:${index}`,
            dueAt,
          });
          this.logger.warn({ messageId: message.messageId, code: error.code, dueAt }, 'DingTalk reply deferred to the outbox');
        } else {
          this.logger.error({ err: error, messageId: message.messageId }, 'DingTalk reply could not be delivered');
        }
      }
    }
  }

  private async replyOne(handle: DingtalkReplyHandle, reply: OutgoingMessage): Promise<void> {
    const robotCode = handle.robotCode ?? this.config.robotCode;
    if (handle.sessionWebhook && this.isUsable(handle)) {
      const mentions =
        handle.conversationType === '2' && handle.senderStaffId ? [handle.senderStaffId, ...(reply.mentionUserIds ?? [])] : [];
      await this.throttle.take(robotCode);
      const answer = await requestJson(handle.sessionWebhook, { method: 'POST', body: webhookBody(reply, mentions) });
      if (isSuccess(answer)) return;
      if (isThrottled(answer)) throw await refusal(answer, robotCode, this.throttle);
      // 300001 means the session ended early; anything else still leaves the OpenAPI to try.
      const level = errorCodeOf(answer) === DingtalkCode.sessionExpired ? 'info' : 'warn';
      this.logger[level]({ answer: describeAnswer(answer) }, 'DingTalk session webhook refused the reply; using the OpenAPI');
    }
    const address = addressOf(handle);
    if (!address)
      throw new SendError(
        'the sender has no staffId, so DingTalk offers no way to answer after the session ends',
        'dingtalk_no_address',
        false,
      );
    await this.robot.sendAs(address, reply, robotCode);
  }

  private isUsable(handle: DingtalkReplyHandle): boolean {
    if (!handle.sessionWebhookExpiredTime || handle.sessionWebhookExpiredTime - SESSION_MARGIN_MS <= this.clock.now().getTime())
      return false;
    // Only DingTalk's own host may receive a reply: the webhook comes from the message body.
    try {
      return new URL(handle.sessionWebhook ?? '').origin === this.oapiOrigin;
    } catch {
      return false;
    }
  }
}

function addressOf(handle: DingtalkReplyHandle): Extract<Address, { platform: 'dingtalk' }> | null {
  if (handle.conversationType === '2') return { platform: 'dingtalk', kind: 'group', openConversationId: handle.conversationId };
  return handle.senderStaffId ? { platform: 'dingtalk', kind: 'user', staffId: handle.senderStaffId } : null;
}
