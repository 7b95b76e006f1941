import type { Bot } from './bot.js';
import type { Coordination } from './coordination.js';
import type { Logger } from '../logger.js';
import type { IncomingMessage, OutgoingMessage } from '../platforms/types.js';

/** How the answer to one platform message reaches the person; the first delivery decides. */
type DeliveryMode = 'passive' | 'later';

const DELIVERY_TTL_MS = 24 * 60 * 60 * 1000;
const TIMED_OUT = Symbol('timed out');

/**
 * After an early ack a platform never delivers the message again (WeCom, DingTalk), so a handling
 * that fails then (a store away mid-way) is tried again here, these many milliseconds apart, until
 * it is done: the bot released its inbox claim, so each try starts clean and files at most once.
 */
export const RETRY_AFTER_ACK_MS = [1_000, 3_000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000] as const;

export interface AnswerDeps {
  bot: Pick<Bot, 'handle'>;
  coordination: Coordination;
  logger: Logger;
  /** How long the callback waits for the answer before acking and sending it later (0: always later). */
  replyWithinMs: number;
}

export interface AnswerWays {
  /** Whether these replies fit into the callback's own response; absent: the platform answers only later. */
  fitsPassive?(replies: OutgoingMessage[]): boolean;
  /** Sends the replies through the platform's API after the callback was acked. */
  sendLater(replies: OutgoingMessage[]): Promise<void>;
  /** Given the work of a late answer (the handling, then the send), for a caller that waits for it at shutdown. */
  following?(course: Promise<void>): void;
}

/** The key of a message's delivery mode: claimed once, by whichever handling answers first. */
const modeKey = (message: IncomingMessage) => `delivery:${message.platform}:${message.messageId}`;

/**
 * Sends a message's answer through the platform's API at most once, whichever instance or retry
 * gets here: the first to claim the `later` mode sends, every other one (and a handling the bot
 * found a duplicate: its answer went out with the first) sends nothing. Resolves when sent, or
 * with false when another handling owns the answer.
 *
 * @example
 * const handled = await bot.handle(message);
 * await sendOnce(coordination, message, handled, (replies) => sender.send(address, replies[0]!));
 */
export async function sendOnce(
  coordination: Coordination,
  message: IncomingMessage,
  handled: { replies: OutgoingMessage[]; duplicate: boolean },
  send: (replies: OutgoingMessage[]) => Promise<void>,
): Promise<boolean> {
  if (handled.duplicate || handled.replies.length === 0) return false;
  if (!(await coordination.setStateIfAbsent<DeliveryMode>(modeKey(message), 'later', DELIVERY_TTL_MS))) return false;
  await send(handled.replies);
  return true;
}

/**
 * The one reply-now-or-later rule of the platforms that answer in a callback's response or, when
 * that takes too long or has no room, through their API (WeCom's app and smart robot, DingTalk):
 * runs the bot on one message; returned replies go into the callback's response; `null` means
 * "ack with an empty 200" (nothing to say, or it is being or was sent through the API). A platform
 * retries a message it saw no answer to; the mode is claimed once in the shared store, so a retry
 * repeats a passive answer but never sends a late one twice. Never acks before the message is
 * durably recorded: while the store is away this throws and the platform delivers it again.
 */
export async function answerInTime(deps: AnswerDeps, message: IncomingMessage, ways: AnswerWays): Promise<OutgoingMessage[] | null> {
  const key = modeKey(message);
  const log = deps.logger.child({ platform: message.platform, messageId: message.messageId });
  const claim = (mode: DeliveryMode) => deps.coordination.setStateIfAbsent<DeliveryMode>(key, mode, DELIVERY_TTL_MS);
  const sendInBackground = (replies: OutgoingMessage[]) => {
    if (replies.length === 0) return;
    const sending = ways.sendLater(replies).catch((error: unknown) => log.error({ err: error }, 'the late answer could not be sent'));
    ways.following?.(sending);
  };

  let accepted!: () => void;
  const claimed = new Promise<void>((resolve) => (accepted = resolve));
  const work = deps.bot.handle(message, { onClaimed: accepted });
  // Observed here so a failure after an early ack is never an unhandled rejection; callers still see it.
  work.catch(() => undefined);
  await Promise.race([claimed, work]);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), deps.replyWithinMs);
  });
  const first = await Promise.race([work, deadline]).finally(() => clearTimeout(timer));

  if (first === TIMED_OUT) {
    const answered = async (handled: { replies: OutgoingMessage[]; duplicate: boolean }, retry: boolean) => {
      // A retry's own claim was released by the failed try: its answer is new even when marked as known.
      if ((retry || !handled.duplicate) && (await claim('later'))) sendInBackground(handled.replies);
    };
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
        : void answered(handled, true).catch(failed);
    // The first try is followed until its answer is on its way (tries after a failure are not: a
    // shutdown does not wait minutes for them).
    const firstTry = work.then((handled) => answered(handled, false).catch(failed), failed);
    ways.following?.(firstTry);
    return null;
  }

  if (first.replies.length === 0) return null;
  if (ways.fitsPassive?.(first.replies)) {
    if ((await claim('passive')) || (await deps.coordination.getState<DeliveryMode>(key)) === 'passive') return first.replies;
    return null;
  }
  if (!first.duplicate && (await claim('later'))) sendInBackground(first.replies);
  return null;
}
