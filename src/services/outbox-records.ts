import type { OutgoingMessage } from '../platforms/types.js';
import type { Recipient } from './notifier.js';

// The persistent outbox's own model and the repository the notifier and the dispatcher need.

export type OutboxState = 'pending' | 'claimed' | 'sent' | 'failed' | 'skipped';

/** One message the scheduler or a service wants sent, as a plain record. */
export interface OutboxItem {
  id: string;
  idempotencyKey: string;
  recipient: Recipient;
  message: OutgoingMessage;
  dueAt: Date;
  expiresAt?: Date;
  state: OutboxState;
  attempts: number;
  leaseUntil?: Date;
  lastError?: string;
  sentAt?: Date;
  createdAt: Date;
  /** How many times the item has been claimed; each claim is a new generation. */
  claimSeq: number;
  /** Set by the current claim; the marks below only apply with it. */
  claimToken?: string;
  /** Fingerprints of the addresses that already got the message (for items with several). */
  delivered: string[];
  /** Not before this time (a retry or a rate-limit wait); `dueAt` keeps the original order. */
  retryAt?: Date;
}

/** A live entry as the dispatcher sees it: where it stands in the queue. */
export interface OutboxCandidate {
  id: string;
  dueAt: Date;
  insertedAt: Date;
}

/**
 * Where notices wait to be sent (implemented in src/storage/mongo/outbox-repository.ts). Every
 * mark after a claim needs the claim's token, so a dispatcher whose lease ran out changes nothing.
 *
 * @example
 * const stored = await outbox.enqueue({ idempotencyKey: 'opinion:…:filed', recipient, message, dueAt: now, now });
 * const item = await outbox.claim(due, now, 60_000, token);
 * if (item) await outbox.markSent(item.id, token, now);
 */
export interface OutboxRepository {
  /** True when stored now, false when the key was already there. */
  enqueue(item: {
    idempotencyKey: string;
    recipient: Recipient;
    message: OutgoingMessage;
    dueAt: Date;
    expiresAt?: Date;
    now: Date;
  }): Promise<boolean>;
  /** Entries due at `now`, in queue order, after `after` when paging. */
  findDue(now: Date, limit: number, after?: OutboxCandidate): Promise<OutboxCandidate[]>;
  /** The item behind a candidate when it is still waiting; null otherwise. */
  fetchDue(candidate: OutboxCandidate, now: Date): Promise<OutboxItem | null>;
  /** Takes the item for `leaseMs` under `token`; null when someone else holds it. */
  claim(item: OutboxItem, now: Date, leaseMs: number, token: string): Promise<OutboxItem | null>;
  /** Remembers that one of several addresses got the message. */
  recordDelivered(id: string, fingerprint: string): Promise<void>;
  markSent(id: string, token: string, now: Date, note?: string): Promise<boolean>;
  markFailed(id: string, token: string, lastError: string): Promise<boolean>;
  markSkipped(id: string, token: string, reason: string): Promise<boolean>;
  /** Gives the item back for a later retry. */
  release(id: string, token: string, retry: { retryAt: Date; attempts: number; lastError?: string }): Promise<boolean>;
  countWaiting(): Promise<number>;
  /** Puts waiting items missing from the queue back in; returns how many. */
  recoverQueue(): Promise<number>;
}

/**
 * What an operator does with the outbox by hand (CLI `yishi outbox`, the workbench's 通知): see the
 * notices that failed for good, and put them back in the queue once the cause is fixed (a robot
 * re-added, a secret corrected).
 *
 * @example
 * const { items, total } = await maintenance.listFailed(50);
 * await maintenance.retry(items.map((item) => item.id), new Date());
 */
export interface OutboxMaintenance {
  /** Failed items, oldest first, and how many there are in all. */
  listFailed(limit: number): Promise<{ items: OutboxItem[]; total: number }>;
  /**
   * Failed items back to pending, due now, with a fresh count of attempts (the dispatcher's
   * retry ladder starts over). Returns the ids that were failed and are now queued again.
   */
  retry(ids: readonly string[], now: Date): Promise<string[]>;
  /** Every failed item back to pending; returns how many. */
  retryAll(now: Date): Promise<number>;
}
