import { createHash } from 'node:crypto';
import type { Address } from '../platforms/types.js';

// One home for how an address is told apart from another: rate limits, delivery bookkeeping and
// the group directory all compare addresses by this key.

/**
 * The platforms an {@link Address} can name; each has at most one sender.
 *
 * @example
 * const platform: AddressPlatform = 'wecom-group-robot';
 */
export type AddressPlatform = Address['platform'];

/**
 * A stable identity for an address (e.g. one group robot), for rate-limit and delivery bookkeeping.
 *
 * @example
 * addressKey({ platform: 'console', kind: 'user', id: 'zhangsan' }); // 'console:user:zhangsan'
 */
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
  }
}

/**
 * {@link addressKey} hashed: safe to store and log (webhook keys and tokens are secrets).
 *
 * @example
 * log.info({ to: addressFingerprint(address) }, 'notice sent');
 */
export function addressFingerprint(address: Address): string {
  return createHash('sha256').update(addressKey(address)).digest('hex').slice(0, 16);
}
