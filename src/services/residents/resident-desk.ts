import type { Clock } from '../../core/clock.js';
import { textOverLimit } from '../../core/text-limit.js';
import type { Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import { SendError, UNDOCUMENTED_INBOUND_LIMITS, type Address, type OutgoingMessage } from '../../platforms/types.js';
import type { InboundMessageRepository } from '../../core/inbox.js';
import type { Notifier } from '../notifier.js';
import type { ResidentTalk } from './resident-talk.js';

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
  inbox: InboundMessageRepository;
  customers: ResidentCustomers;
  channel: ResidentChannel;
  talk: ResidentTalk;
  notifier: Notifier;
  clock: Clock;
  messages: Messages;
  logger: Logger;
}

const CUSTOMER = 3;
const SYSTEM_EVENT = 4;
const STALE_CLAIM_MS = 60_000;
/** Residents send text and photos; other kinds get the same nudge as an empty message. */
const MEDIA_TYPES = new Set(['image']);

/**
 * The residents' desk: takes each synced page in order. Customer messages (origin 3) renew the
 * send allowance, are deduplicated by msgid (the Bot's inbox, key `wecom-kf:<msgid>`), answered
 * by the conversation, and, once the page is done, the resident's held notices follow.
 * enter_session (origin 4) keeps the QR scene and sends the welcome with its single-use code.
 * Servicer messages (origin 5) and other events are left alone.
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
        await this.once(message, async () => {
          // Only a message seen for the first time renews the allowance: a re-read one must not.
          await this.deps.customers.customerWrote(customer, message.sendTime);
          return this.answer(customer, message);
        });
      } else if (message.origin === SYSTEM_EVENT && message.event?.type === 'enter_session') {
        await this.once(message, () => this.welcome(customer, message));
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

  /** Runs `work` for a msgid the inbox has not seen; a failure lets the next sync try it again. */
  private async once(message: ResidentMessage, work: () => Promise<string[]>): Promise<void> {
    const key = `wecom-kf:${message.msgId}`;
    const claim = await this.deps.inbox.claim(key, this.deps.clock.now(), STALE_CLAIM_MS);
    if (claim.status !== 'new') return;
    let replies: string[];
    try {
      replies = await work();
    } catch (error) {
      await this.deps.inbox.release(key).catch(() => undefined);
      throw error;
    }
    await this.deps.inbox.finish(
      key,
      replies.map((text) => ({ text, format: 'text' as const })),
      this.deps.clock.now(),
    );
  }

  private async answer(customer: Customer, message: ResidentMessage): Promise<string[]> {
    // The same length rule as the Bot's gate, before the conversation reads a word of it.
    const tooLong =
      message.msgType === 'text'
        ? textOverLimit(message.text ?? '', message.maxTextLength ?? UNDOCUMENTED_INBOUND_LIMITS.maxTextLength)
        : undefined;
    if (tooLong) {
      this.deps.logger.info(tooLong, 'resident message longer than the platform allows: answered without reading it');
      const reply = this.deps.messages.input.residentTooLong(tooLong.length, tooLong.limit);
      await this.deliver(customer, reply, `kf-reply:${message.msgId}`);
      return [reply];
    }
    const scene = await this.deps.customers.sceneOf(customer);
    const isPhoto = MEDIA_TYPES.has(message.msgType) && message.mediaId;
    const reply = await this.deps.talk.handle({
      ...customer,
      msgId: message.msgId,
      text: message.msgType === 'text' ? (message.text ?? '') : '',
      ...(isPhoto ? { mediaId: message.mediaId! } : {}),
      ...(scene ? { scene } : {}),
    });
    if (!reply) return [];
    await this.deliver(customer, reply, `kf-reply:${message.msgId}`);
    return [reply];
  }

  /** Straight to the resident; when WeCom cannot be reached, the outbox tries again later. */
  private async deliver(customer: Customer, text: string, idempotencyKey: string): Promise<void> {
    const address: Address = { platform: 'wecom-kf', kind: 'customer', ...customer };
    const message: OutgoingMessage = { text, format: 'text', residentNotice: 'reply' };
    try {
      await this.deps.channel.send(address, message, { idempotencyKey });
    } catch (error) {
      if (!(error instanceof SendError) || !error.retryable) {
        this.deps.logger.error({ err: error }, 'the reply to a resident could not be sent');
        return;
      }
      await this.deps.notifier.notify({ kind: 'address', address }, message, { idempotencyKey });
    }
  }

  private async welcome(customer: Customer, message: ResidentMessage): Promise<string[]> {
    const scene = message.event?.scene;
    if (scene) await this.deps.customers.setScene(customer, scene, message.sendTime);
    const code = message.event?.welcomeCode;
    if (!code) return [];
    const text = this.deps.messages.residents.welcome(
      await this.deps.talk.communityOf(scene ?? (await this.deps.customers.sceneOf(customer))),
    );
    await this.deps.channel
      .welcome(code, text)
      .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'the welcome message could not be sent'));
    return [text];
  }
}
