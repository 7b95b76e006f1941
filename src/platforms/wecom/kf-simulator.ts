import { SendError, type Address, type OutgoingMessage, type Sender, type SendOptions } from '../types.js';
import type { ConsoleMessageRepository } from '../../services/console-message-records.js';
import type { KfCustomer } from '../../services/residents/kf-channel-stores.js';
import { SIMULATOR_OPEN_KFID, simulatorCustomerOf, simulatorMailbox } from '../../services/residents/resident-desk.js';
import type { WecomResult } from './api.js';
import type { KfSendClient, WecomKfSender } from './kf-sender.js';

/**
 * WeCom's kf/send_msg as the simulator plays it: what the kf sender would send a customer of the
 * simulator's account goes into the console's mailbox `kf:<external_userid>`, where `npm run chat`
 * reads it. It always accepts: the 48 h / 5 messages rule is the sender's, as with WeCom.
 */
export class ConsoleKfClient implements KfSendClient {
  constructor(
    private readonly mailbox: ConsoleMessageRepository,
    private readonly now: () => Date,
  ) {}

  async sendText(_openKfId: string, externalUserId: string, content: string, msgid?: string): Promise<WecomResult> {
    await this.mailbox.append(
      {
        kind: 'user',
        to: simulatorMailbox(externalUserId),
        text: content,
        format: 'text',
        ...(msgid ? { idempotencyKey: `kf:${msgid}` } : {}),
      },
      this.now(),
    );
    return { errcode: 0, errmsg: 'ok' };
  }

  async sendOnEvent(code: string, content: string): Promise<WecomResult> {
    const customer = simulatorCustomerOf(code);
    if (!customer) return { errcode: 95012, errmsg: 'invalid code' };
    await this.mailbox.append({ kind: 'user', to: simulatorMailbox(customer), text: content, format: 'text' }, this.now());
    return { errcode: 0, errmsg: 'ok' };
  }
}

/**
 * The residents' channel behind `wecom-kf` addresses: the simulator's account goes to its sender,
 * every other account to WeCom's (when the WeCom app is configured).
 */
export class KfChannelRouter implements Sender {
  constructor(
    private readonly simulator: WecomKfSender,
    private readonly wecom: WecomKfSender | undefined,
  ) {}

  private senderFor(openKfId: string): WecomKfSender {
    if (openKfId === SIMULATOR_OPEN_KFID) return this.simulator;
    if (!this.wecom) throw new SendError('微信客服 is not configured (no WeCom app)', 'no_sender', false);
    return this.wecom;
  }

  send(to: Address, message: OutgoingMessage, options?: SendOptions): Promise<void> {
    if (to.platform !== 'wecom-kf') throw new SendError(`this sender delivers to wecom-kf, not to ${to.platform}`, 'wrong_address', false);
    return this.senderFor(to.openKfId).send(to, message, options);
  }

  releaseHeld(customer: KfCustomer): Promise<number> {
    return this.senderFor(customer.openKfId).releaseHeld(customer);
  }

  welcome(code: string, text: string): Promise<boolean> {
    return (simulatorCustomerOf(code) ? this.simulator : this.senderFor('')).welcome(code, text);
  }
}
