import type { Bot } from '../../core/bot.js';
import { answerInTime } from '../../core/answer-in-time.js';
import type { Clock } from '../../core/clock.js';
import type { Coordination } from '../../core/coordination.js';
import type { Logger } from '../../logger.js';
import { parseRobotMessage } from './parse.js';
import type { DingtalkReplier } from './replier.js';

/**
 * The one path every DingTalk robot message takes, whether it came over HTTP or Stream: parse,
 * the Bot pipeline up to the durable claim (then the caller acknowledges), and the reply. Both transports use
 * platform `dingtalk` and DingTalk's msgId, so a copy arriving by the other transport is a duplicate.
 */
export class DingtalkInbound {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly bot: Pick<Bot, 'handle'>,
    private readonly replier: Pick<DingtalkReplier, 'reply'>,
    private readonly coordination: Coordination,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * Checks the payload, starts handling it, and resolves once the message is durably recorded (or
   * known as a copy of one that is): only then may the caller acknowledge it. Rejects when the
   * stores cannot take it (MongoDB or Redis away), so the caller answers non-2xx and DingTalk
   * delivers it again. The rest of the work (the command, the reply) goes on after that.
   * Resolves with the problem when the payload is not a robot message; nothing is stored then.
   */
  async accept(payload: unknown, transport: 'http' | 'stream'): Promise<{ ok: true } | { ok: false; problem: string }> {
    const parsed = parseRobotMessage(payload, this.clock.now());
    if (!parsed.ok) return parsed;
    const { message } = parsed;
    const log = this.logger.child({ platform: 'dingtalk', transport, messageId: message.messageId });
    // The platforms' one reply-now-or-later rule: DingTalk's answer always goes later (its session
    // webhook or the OpenAPI), once; a failure after the ack is tried again, since DingTalk never
    // delivers an acked message again. A failure before the claim (the store is away) reaches the caller.
    await answerInTime({ bot: this.bot, coordination: this.coordination, logger: log, replyWithinMs: 0 }, message, {
      sendLater: (replies) => this.replier.reply(message, replies),
      following: (course) => this.track(course),
    });
    return { ok: true };
  }

  private track(course: Promise<void>): void {
    const work = course.catch(() => undefined).finally(() => this.pending.delete(work));
    this.pending.add(work);
  }

  /** Waits for messages still being handled (graceful shutdown). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
