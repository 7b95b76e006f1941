import { sendOnce } from '../../core/answer-in-time.js';
import type { Bot } from '../../core/bot.js';
import type { Clock } from '../../core/clock.js';
import type { Coordination } from '../../core/coordination.js';
import type { Logger } from '../../logger.js';
import { SendError, type Address, type IncomingMessage, type OutgoingMessage } from '../../platforms/types.js';
import type { Notifier } from '../notifier.js';

/**
 * The 微信客服 account `npm run chat` plays (POST /console/kf): its customers are simulated
 * residents, whose messages go into the console's mailbox `kf:<external_userid>` instead of WeCom,
 * under the same desk, the same 48 h / 5 messages rule and the same priorities.
 */
export const SIMULATOR_OPEN_KFID = 'console-simulator';

/** The console mailbox a simulated resident reads. */
export const simulatorMailbox = (externalUserId: string) => `kf:${externalUserId}`;

const WELCOME_PREFIX = 'console:';

/** A simulated enter_session's single-use welcome code: it names the customer, since send_msg_on_event gets only the code. */
export const simulatorWelcomeCode = (externalUserId: string, nonce: string) => `${WELCOME_PREFIX}${nonce}:${externalUserId}`;

/** The customer a simulated welcome code names; undefined for WeCom's own codes. */
export function simulatorCustomerOf(code: string): string | undefined {
  if (!code.startsWith(WELCOME_PREFIX)) return undefined;
  const at = code.indexOf(':', WELCOME_PREFIX.length);
  return at > 0 && at < code.length - 1 ? code.slice(at + 1) : undefined;
}

/** A synced 微信客服 item, as the platform reads it (see `KfMessage` in src/platforms/wecom/kf-api.ts). */
export interface ResidentMessage {
  msgId: string;
  openKfId: string;
  externalUserId: string;
  sendTime: Date;
  origin: number;
  msgType: string;
  text?: string;
  /** The longest text the platform lets a customer send, in characters; longer is never read. */
  maxTextLength?: number;
  mediaId?: string;
  event?: { type: string; welcomeCode?: string; scene?: string };
}

interface Customer {
  openKfId: string;
  externalUserId: string;
}

/** What the desk needs of the kf channel (the platform's kf sender provides it). */
export interface ResidentChannel {
  send(to: Address, message: OutgoingMessage, options?: { idempotencyKey?: string }): Promise<void>;
  releaseHeld(customer: Customer): Promise<number>;
  welcome(code: string, text: string): Promise<boolean>;
}

/** What the desk needs of the per-customer record (allowance and QR scene). */
export interface ResidentCustomers {
  customerWrote(customer: Customer, at: Date): Promise<void>;
  setScene(customer: Customer, scene: string, at: Date): Promise<void>;
  sceneOf(customer: Customer): Promise<string | undefined>;
}

export interface ResidentDeskDeps {
  /** The one pipeline: dedup (inbox key `wecom-kf:<msgid>`), identity, then the residents' conversation. */
  bot: Pick<Bot, 'handle'>;
  /** Where the once-only claim of each answer's delivery lives (src/core/answer-in-time.ts). */
  coordination: Coordination;
  customers: ResidentCustomers;
  channel: ResidentChannel;
  notifier: Notifier;
  clock: Clock;
  logger: Logger;
}

const CUSTOMER = 3;
const SYSTEM_EVENT = 4;
/** Residents send text and photos; other kinds get the same nudge as an empty message. */
const MEDIA_TYPES = new Set(['image']);

/**
 * The residents' door into the bot: each synced page is taken in order. Customer messages
 * (origin 3) and enter_session events (origin 4) become ordinary {@link IncomingMessage}s
 * (platform `wecom-kf`, source `resident-service`) handed to `bot.handle`, whose one dedup (inbox
 * key `wecom-kf:<msgid>`, as the desk used before) answers each msgid once; the bot gives them to
 * the residents' conversation. Around that call stay what only 微信客服 has: a message seen for
 * the first time renews the send allowance (an event keeps its QR scene), the answer always goes
 * later through the kf channel (an event's through its single-use welcome code), and once the page
 * is done the resident's held notices follow. Servicer messages (origin 5) and other events are left alone.
 */
export class ResidentDesk {
  constructor(private readonly deps: ResidentDeskDeps) {}

  async handlePage(messages: readonly ResidentMessage[]): Promise<void> {
    const wrote = new Map<string, Customer>();
    for (const message of messages) {
      if (!message.externalUserId) continue;
      const customer = { openKfId: message.openKfId, externalUserId: message.externalUserId };
      if (message.origin === CUSTOMER) {
        wrote.set(`${customer.openKfId}:${customer.externalUserId}`, customer);
        await this.take(customer, message);
      } else if (message.origin === SYSTEM_EVENT && message.event?.type === 'enter_session') {
        await this.take(customer, message);
      }
    }
    for (const customer of wrote.values()) {
      const released = await this.deps.channel.releaseHeld(customer).catch((error: unknown) => {
        this.deps.logger.warn({ err: error }, 'held notices could not be sent yet; they wait for the next message');
        return 0;
      });
      if (released > 0) this.deps.logger.info({ released }, 'held notices sent after the resident wrote again');
    }
  }

  /** One item through the bot; a failure leaves the page unfinished, so the next sync tries it again. */
  private async take(customer: Customer, item: ResidentMessage): Promise<void> {
    const message = await this.incoming(customer, item);
    const handled = await this.deps.bot.handle(message, { onNew: () => this.firstSeen(customer, item) });
    await sendOnce(this.deps.coordination, message, handled, (replies) =>
      item.event ? this.welcome(item.event.welcomeCode, replies) : this.deliver(customer, replies, item.msgId),
    );
  }

  /** Only a message seen for the first time renews the allowance: a re-read one must not. */
  private async firstSeen(customer: Customer, item: ResidentMessage): Promise<void> {
    if (item.event?.scene) await this.deps.customers.setScene(customer, item.event.scene, item.sendTime);
    if (item.origin === CUSTOMER) await this.deps.customers.customerWrote(customer, item.sendTime);
  }

  private async incoming(customer: Customer, item: ResidentMessage): Promise<IncomingMessage> {
    const { openKfId, externalUserId } = customer;
    const scene = item.event?.scene ?? (await this.deps.customers.sceneOf(customer));
    const photo = MEDIA_TYPES.has(item.msgType) ? item.mediaId : undefined;
    return {
      platform: 'wecom-kf',
      messageId: item.msgId,
      chat: { id: openKfId, kind: 'direct' },
      sender: {
        platformUserId: externalUserId,
        identityKey: `wecom-kf:${openKfId}:${externalUserId}`,
        address: { platform: 'wecom-kf', kind: 'customer', openKfId, externalUserId },
      },
      source: 'resident-service',
      text: item.msgType === 'text' ? (item.text ?? '') : '',
      ...(item.maxTextLength ? { maxTextLength: item.maxTextLength } : {}),
      mentionedBot: true,
      mentions: [],
      receivedAt: this.deps.clock.now(),
      ...(scene ? { scene } : {}),
      ...(photo ? { image: { mediaId: photo } } : {}),
      ...(item.event ? { event: { type: item.event.type } } : {}),
    };
  }

  /** Straight to the resident; when WeCom cannot be reached, the outbox tries again later. */
  private async deliver(customer: Customer, replies: OutgoingMessage[], msgId: string): Promise<void> {
    const address: Address = { platform: 'wecom-kf', kind: 'customer', ...customer };
    for (const [index, reply] of replies.entries()) {
      const message: OutgoingMessage = { ...reply, residentNotice: 'reply' };
      const idempotencyKey = index === 0 ? `kf-reply:${msgId}` : `kf-reply:${msgId}:${index}`;
      try {
        await this.deps.channel.send(address, message, { idempotencyKey });
      } catch (error) {
        if (!(error instanceof SendError) || !error.retryable) {
          this.deps.logger.error({ err: error }, 'the reply to a resident could not be sent');
          continue;
        }
        await this.deps.notifier.notify({ kind: 'address', address }, message, { idempotencyKey });
      }
    }
  }

  /** The welcome goes with the event's single-use code (send_msg_on_event), or not at all. */
  private async welcome(code: string | undefined, replies: OutgoingMessage[]): Promise<void> {
    const text = replies.map((reply) => reply.text).join('\n');
    if (!code || !text) return;
    await this.deps.channel
      .welcome(code, text)
      .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'the welcome message could not be sent'));
  }
}
