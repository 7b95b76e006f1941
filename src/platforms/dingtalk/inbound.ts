import type { Bot } from '../../core/bot.js';
import type { Clock } from '../../core/clock.js';
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
    private readonly replier: DingtalkReplier,
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
    let recorded!: () => void;
    const claimed = new Promise<void>((resolve) => (recorded = resolve));
    const handling = (async () => {
      const handled = await this.bot.handle(message, { onClaimed: recorded });
      if (handled.duplicate) {
        log.info('duplicate DingTalk message ignored');
        return;
      }
      await this.replier.reply(message, handled.replies);
    })();
    const work = handling
      .catch((error: unknown) => log.error({ err: error }, 'DingTalk message could not be handled'))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
    // A failure before the claim (the store is away) reaches the caller; one after it is only logged.
    await Promise.race([claimed, handling]);
    return { ok: true };
  }

  /** Waits for messages still being handled (graceful shutdown). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
