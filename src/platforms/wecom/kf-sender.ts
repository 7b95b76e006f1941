import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import type { Coordination } from '../../core/coordination.js';
import { SendError, type Address, type OutgoingMessage, type Sender, type SendOptions } from '../types.js';
import { sendErrorFor } from './api.js';
import { KF_ERRORS, type KfClient } from './kf-api.js';
import { splitUtf8, TEXT_LIMIT_BYTES, truncateUtf8 } from './split.js';
import type { HeldNoticeStore, KfCustomer, KfWindowStore } from '../../services/residents/kf-channel-stores.js';
import { byImportance, noticeKindOf, RESIDENT_NOTICES } from '../../services/residents/notice-priority.js';
import type { ResidentNoticeKind } from '../types.js';

/** WeCom's rule: after a customer message, at most 5 messages within 48 hours. */
export const KF_RULE = {
  maxSends: 5,
  windowMs: 48 * 60 * 60 * 1000,
  /** Our window closes this much earlier than WeCom's, so a clock skew never breaks the rule. */
  safetyMs: 10 * 60 * 1000,
} as const;

/** What the sender calls on WeCom (a console stand-in plays it in the simulator). */
export type KfSendClient = Pick<KfClient, 'sendText' | 'sendOnEvent'>;

export interface KfSenderDeps {
  client: KfSendClient;
  windows: KfWindowStore;
  held: HeldNoticeStore;
  coordination: Coordination;
  clock: Clock;
  logger: Logger;
  messages: Messages;
  /** How many slots a message of this kind must leave for more important pending ones (notice-priority.ts). */
  slotsToLeave?: (customer: KfCustomer, kind: ResidentNoticeKind) => Promise<number>;
}

type Outcome = 'sent' | { held: string };

/** The SendError code of a message to a resident dropped by the priority rule (the outbox records it as failed). */
export const NOTICE_DROPPED = 'resident_notice_dropped';

const PROGRESS_TTL_MS = 24 * 60 * 60 * 1000;

/** kf/send_msg's own msgid (≤32 of [0-9a-zA-Z_-]): WeCom shows it back in msg_send_fail events. */
const msgidFor = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 32);

/**
 * Residents through 微信客服 (`kf/send_msg`). It never sends what WeCom's 48 h / 5 messages rule
 * forbids: each send first takes a slot of the customer's allowance. A notice that cannot go now
 * is held (store-and-forward) and goes out when the customer writes again
 * ({@link releaseHeld}); for the outbox such a notice is delivered to this channel.
 */
export class WecomKfSender implements Sender {
  constructor(private readonly deps: KfSenderDeps) {}

  async send(to: Address, message: OutgoingMessage, options: SendOptions = {}): Promise<void> {
    if (to.platform !== 'wecom-kf') throw new SendError(`this sender delivers to wecom-kf, not to ${to.platform}`, 'wrong_address', false);
    const customer = { openKfId: to.openKfId, externalUserId: to.externalUserId };
    const key = options.idempotencyKey ?? randomUUID();
    const kind = noticeKindOf(message.residentNotice);
    const pieces = splitUtf8(message.text, TEXT_LIMIT_BYTES);
    const progressKey = `wecom-kf-sent:${key}`;
    let done = (await this.deps.coordination.getState<number>(progressKey)) ?? 0;
    const leave = (await this.deps.slotsToLeave?.(customer, kind)) ?? 0;
    while (done < pieces.length) {
      const outcome = await this.sendOne(customer, pieces[done]!, msgidFor(`${key}#${done}`), leave);
      if (outcome !== 'sent') {
        await this.noRoom(customer, kind, pieces.slice(done).join(''), key, outcome.held);
        return;
      }
      done += 1;
      if (pieces.length > 1) await this.deps.coordination.setState(progressKey, done, PROGRESS_TTL_MS);
    }
  }

  /** No room for it now: held or dropped, as notice-priority.ts says for its kind. */
  private async noRoom(customer: KfCustomer, kind: ResidentNoticeKind, text: string, key: string, reason: string): Promise<void> {
    if (RESIDENT_NOTICES[kind].whenNoRoom === 'drop') {
      this.deps.logger.info(
        { kind, reason, idempotencyKey: key },
        "notice to a resident dropped: no room in WeCom's allowance, and it is not worth holding (notice-priority.ts)",
      );
      throw new SendError(`${kind} to a resident not sent: ${reason}`, NOTICE_DROPPED, false);
    }
    await this.deps.held.hold({ ...customer, text, key, kind, heldAt: this.deps.clock.now(), reason });
    this.deps.logger.info(
      { kind, reason, idempotencyKey: key },
      'notice to a resident held: WeCom does not allow it now; it goes when the resident writes again',
    );
  }

  /**
   * Sends the customer's held notices (after they wrote again), several to a message so they use
   * few of the 5 slots; what still cannot go stays held.
   */
  async releaseHeld(customer: KfCustomer): Promise<number> {
    const held = byImportance(await this.deps.held.listHeld(customer));
    if (held.length === 0) return 0;
    const header = this.deps.messages.residents.heldHeader;
    const batches: Array<{ ids: string[]; text: string }> = [];
    for (const notice of held) {
      const text = truncateUtf8(
        notice.text,
        TEXT_LIMIT_BYTES - Buffer.byteLength(`${header}\n\n`, 'utf8'),
        this.deps.messages.wecom.truncated,
      );
      const last = batches.at(-1);
      if (last && Buffer.byteLength(`${last.text}\n\n${text}`, 'utf8') <= TEXT_LIMIT_BYTES) {
        last.ids.push(notice.id);
        last.text = `${last.text}\n\n${text}`;
      } else batches.push({ ids: [notice.id], text: batches.length === 0 ? `${header}\n\n${text}` : text });
    }
    let released = 0;
    for (const batch of batches) {
      const outcome = await this.sendOne(customer, batch.text, msgidFor(`held:${batch.ids.join(',')}`));
      if (outcome !== 'sent') break;
      await this.deps.held.markSent(batch.ids, this.deps.clock.now());
      released += batch.ids.length;
    }
    return released;
  }

  /** The welcome message on enter_session (send_msg_on_event; outside the 5-message allowance). */
  async welcome(code: string, text: string): Promise<boolean> {
    const result = await this.deps.client.sendOnEvent(code, text);
    if (result.errcode === 0) return true;
    this.deps.logger.info(
      { errcode: result.errcode, errmsg: result.errmsg },
      'WeCom did not take the welcome message (the code is single-use and short-lived)',
    );
    return false;
  }

  /** Takes a slot (leaving `leave` for more important messages) and sends. */
  private async sendOne(customer: KfCustomer, content: string, msgid: string, leave = 0): Promise<Outcome> {
    const { windows, clock } = this.deps;
    const since = new Date(clock.now().getTime() - KF_RULE.windowMs + KF_RULE.safetyMs);
    if (!(await windows.takeSlot(customer, since, KF_RULE.maxSends - leave))) {
      if (leave > 0 && (await windows.takeSlot(customer, since, KF_RULE.maxSends))) {
        await windows.giveBackSlot(customer);
        return { held: `the last ${leave} of WeCom's ${KF_RULE.maxSends} messages are kept for more important notices` };
      }
      return { held: 'outside the 48 h / 5 messages allowance' };
    }
    // A network failure keeps the slot: WeCom may have counted the message.
    const result = await this.deps.client.sendText(customer.openKfId, customer.externalUserId, content, msgid);
    if (result.errcode === 0) return 'sent';
    if (result.errcode === KF_ERRORS.sendCountLimit) {
      await windows.exhaust(customer, KF_RULE.maxSends);
      return { held: 'WeCom 95001 send msg count limit' };
    }
    await windows.giveBackSlot(customer);
    if (result.errcode === KF_ERRORS.sessionStateInvalid) return { held: 'WeCom 95018 session status invalid' };
    throw sendErrorFor(result, 'kf/send_msg');
  }
}
