import type { OutgoingMessage } from '../platforms/types.js';

/** What the inbox knows of a message id. */
export type InboxClaim = { status: 'new' } | { status: 'processing' } | { status: 'done'; replies: OutgoingMessage[] };

/**
 * The durable second line of message dedup: one record per platform message id, holding the
 * answer so every retry gets the same one (implemented in src/storage/mongo/inbound-message-repository.ts).
 *
 * @example
 * const claim = await inbox.claim('wecom-app:123', now, 60_000);
 * if (claim.status === 'done') return claim.replies; // a retry gets the first answer
 */
export interface InboundMessageRepository {
  /** Records the id as being processed; tells what is already known when it is not new. */
  claim(key: string, now: Date, staleAfterMs: number): Promise<InboxClaim>;
  finish(key: string, replies: OutgoingMessage[], now: Date): Promise<void>;
  /** Forgets a claim whose processing failed, so a platform retry can try again. */
  release(key: string): Promise<void>;
  /** Forgets every message first seen before `before`; returns how many. */
  pruneBefore(before: Date): Promise<number>;
}
