import { createHash } from 'node:crypto';
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

/** A stable identity for an address (e.g. one group robot), for rate-limit and delivery bookkeeping. */
export function addressKey(address: Address): string {
  switch (address.platform) {
    case 'wecom-app':
      return `wecom-app:${address.userId}`;
    case 'wecom-group-robot':
      return `wecom-group-robot:${address.webhookKey}`;
    case 'wecom-bot':
      return `wecom-bot:${address.url}`;
    case 'wecom-kf':
      return `wecom-kf:${address.openKfId}:${address.externalUserId}`;
    case 'dingtalk':
      return address.kind === 'user' ? `dingtalk:user:${address.staffId}` : `dingtalk:group:${address.openConversationId}`;
    case 'dingtalk-custom-robot':
      return `dingtalk-custom-robot:${address.accessToken}`;
    case 'console':
      return `console:${address.kind}:${address.id}`;
    default:
      // The families above keep the keys their stored fingerprints were made with; a newer
      // platform's addresses are keyed by all their fields but a secret.
      return genericAddressKey(address);
  }
}

function genericAddressKey(address: Address): string {
  const { platform, kind, ...rest } = address as Address & Record<string, unknown>;
  const fields = Object.entries(rest)
    .filter(([name]) => name !== 'secret')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, value]) => String(value));
  return [platform, kind, ...fields].join(':');
}

/** {@link addressKey} hashed: safe to store and log (webhook keys and tokens are secrets). */
export function addressFingerprint(address: Address): string {
  return createHash('sha256').update(addressKey(address)).digest('hex').slice(0, 16);
}
