import type { Address, OutgoingMessage } from '../platforms/types.js';

/**
 * Who a notice is for. Services name people and groups; the outbox dispatcher resolves them to
 * platform addresses (a member's WeCom userid or DingTalk staffId, a group's robots, …).
 */
export type Recipient =
  | { kind: 'member'; memberId: string }
  /** A committee group by key: 'staff' for the office group, or a sector name such as '无党派'. */
  | { kind: 'group'; groupKey: string }
  /** A resident on the customer-service account (privacy rules apply). */
  | { kind: 'resident'; residentId: string }
  /** A concrete platform address (e.g. the chat a filer used). */
  | { kind: 'address'; address: Address };

export interface NotifyOptions {
  /** Unique per logical notice: the same key twice stores and sends one notice. */
  idempotencyKey: string;
  /** Not before this time (default: now). */
  dueAt?: Date;
  /** Skip (and log) instead of sending after this time. */
  expiresAt?: Date;
}

/**
 * Sends notices through the persistent outbox: they survive restarts, respect each robot's rate
 * limit, and go out exactly once across instances.
 *
 * @example
 * await notifier.notify({ kind: 'member', memberId }, { text: '您有新的待办', format: 'text' }, { idempotencyKey: `assigned:${opinionId}` });
 */
export interface Notifier {
  notify(recipient: Recipient, message: OutgoingMessage, options: NotifyOptions): Promise<void>;
}
