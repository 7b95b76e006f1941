import type { Bot } from '../../core/bot.js';
import type { Logger } from '../../logger.js';
import type { Coordination } from '../../core/coordination.js';
import type { IncomingMessage, OutgoingMessage } from '../types.js';

/** How the answer to one platform message reaches the person; the first delivery decides. */
type DeliveryMode = 'passive' | 'later';

const DELIVERY_TTL_MS = 24 * 60 * 60 * 1000;
const TIMED_OUT = Symbol('timed out');

/**
 * After an early ack WeCom never delivers the message again, so a handling that fails then (a
 * store away mid-way) is tried again here, these many milliseconds apart, until it is done: the
 * bot released its inbox claim, so each try starts clean and files at most once.
 */
export const RETRY_AFTER_ACK_MS = [1_000, 3_000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000] as const;

export interface AnswerDeps {
  bot: Bot;
  coordination: Coordination;
  logger: Logger;
  /** How long the callback waits for the answer before acking and sending it later. */
  replyWithinMs: number;
}

export interface AnswerWays {
  /** Whether these replies fit into the callback's own response. */
  fitsPassive(replies: OutgoingMessage[]): boolean;
  /** Sends the replies through the platform's API after the callback was acked. */
  sendLater(replies: OutgoingMessage[]): Promise<void>;
}

/**
 * Runs the bot on one message and decides how its answer travels: returned replies go into the
 * callback's response; `null` means "ack with an empty 200" (nothing to say, or it is being or
 * was sent through the API). WeCom retries a message up to three times; the mode is claimed once
 * in the shared store, so a retry repeats a passive answer but never sends a late one twice.
 */
export async function answerInTime(deps: AnswerDeps, message: IncomingMessage, ways: AnswerWays): Promise<OutgoingMessage[] | null> {
  const modeKey = `wecom-delivery:${message.platform}:${message.messageId}`;
  const log = deps.logger.child({ platform: message.platform, messageId: message.messageId });
  const claim = (mode: DeliveryMode) => deps.coordination.setStateIfAbsent<DeliveryMode>(modeKey, mode, DELIVERY_TTL_MS);
  const sendInBackground = (replies: OutgoingMessage[]) => {
    if (replies.length === 0) return;
    ways.sendLater(replies).catch((error: unknown) => log.error({ err: error }, 'the late answer could not be sent'));
  };

  let accepted!: () => void;
  const claimed = new Promise<void>((resolve) => (accepted = resolve));
  const work = deps.bot.handle(message, { onClaimed: accepted });
  // Observed here so a failure after an early ack is never an unhandled rejection; callers still see it.
  work.catch(() => undefined);
  // Never ack before the message is durably recorded: while MongoDB is away this throws (503) and WeCom retries.
  await Promise.race([claimed, work]);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), deps.replyWithinMs);
  });
  const first = await Promise.race([work, deadline]).finally(() => clearTimeout(timer));

  if (first === TIMED_OUT) {
    const ownsLater = await claim('later');
    const answered = (handled: { replies: OutgoingMessage[] }) => (ownsLater ? sendInBackground(handled.replies) : undefined);
    let attempt = 0;
    const failed = (error: unknown): void => {
      const delay = RETRY_AFTER_ACK_MS[attempt];
      if (delay === undefined) {
        log.error({ err: error, attempts: attempt + 1 }, 'handling the message failed after the callback was acked; gave up');
        return;
      }
      attempt += 1;
      log.warn({ err: error, attempt, retryInMs: delay }, 'handling the message failed after the callback was acked; trying again');
      setTimeout(() => void deps.bot.handle(message).then(retried, failed), delay).unref();
    };
    // A claim still marked in hand is our own failed try whose release did not reach the store:
    // the bot takes it over once it is stale, so keep trying.
    const retried = (handled: { replies: OutgoingMessage[]; duplicate: boolean }) =>
      handled.duplicate && handled.replies.length === 0
        ? failed(new Error('the message is still claimed by the failed try'))
        : answered(handled);
    work.then(answered, failed);
    return null;
  }

  if (first.replies.length === 0) return null;
  if (ways.fitsPassive(first.replies)) {
    if ((await claim('passive')) || (await deps.coordination.getState<DeliveryMode>(modeKey)) === 'passive') return first.replies;
    return null;
  }
  if (await claim('later')) sendInBackground(first.replies);
  return null;
}
