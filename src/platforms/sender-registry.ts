import { SendError, type Address, type AddressPlatform, type OutgoingMessage, type Sender, type SendOptions } from './types.js';

export type { AddressPlatform } from './types.js';

/**
 * Routes a send to the sender of the address's platform. Platform modules export their senders;
 * `src/main.ts` registers them here, and the outbox dispatcher sends through the registry.
 *
 * @example
 * const senders = new SenderRegistry().register('console', consoleSender);
 * await senders.send({ platform: 'console', kind: 'user', id: 'zhangsan' }, { text: '您好', format: 'text' });
 */
export class SenderRegistry implements Sender {
  private readonly senders = new Map<AddressPlatform, Sender>();

  /** Adds the sender for `platform`; registering a platform twice is a wiring mistake and throws. */
  register(platform: AddressPlatform, sender: Sender): this {
    if (this.senders.has(platform)) throw new Error(`a sender for ${platform} is already registered`);
    this.senders.set(platform, sender);
    return this;
  }

  /** Registers every sender of a platform module's `{ platform: sender }` map, skipping absent ones. */
  registerAll(senders: Partial<Record<AddressPlatform, Sender>>): this {
    for (const [platform, sender] of Object.entries(senders) as Array<[AddressPlatform, Sender | undefined]>) {
      if (sender) this.register(platform, sender);
    }
    return this;
  }

  has(platform: AddressPlatform): boolean {
    return this.senders.has(platform);
  }

  platforms(): AddressPlatform[] {
    return [...this.senders.keys()];
  }

  /** Throws a non-retryable {@link SendError} `no_sender` when the platform is not switched on. */
  async send(to: Address, message: OutgoingMessage, options?: SendOptions): Promise<void> {
    const sender = this.senders.get(to.platform);
    if (!sender) throw new SendError(`no sender is registered for ${to.platform} (is the platform configured?)`, 'no_sender', false);
    await sender.send(to, message, options);
  }
}
