import type { OutgoingMessage } from '../../platforms/types.js';
import type { Recipient } from '../../services/notifier.js';
import type { OutboxCandidate, OutboxItem, OutboxMaintenance, OutboxRepository } from '../../services/outbox-records.js';
import { copyOf } from './memory-records.js';
import { orderedRecordId } from './ordered-ids.js';

/** A waiting item's place in the queue (the Mongo repository's `outbox_live` entry). */
interface LiveEntry {
  dueAt: Date;
  /** Not looked at before this time: `dueAt`, or the end of a retry or rate-limit wait. */
  wakeAt: Date;
  insertedAt: Date;
}

/** A message as the Mongo document keeps it: only these fields, the image as its own copy. */
function storedMessage(message: OutgoingMessage): OutgoingMessage {
  const { text, format, mentionUserIds, image, residentNotice } = message;
  return {
    text,
    format,
    ...(residentNotice ? { residentNotice } : {}),
    ...(mentionUserIds ? { mentionUserIds: [...mentionUserIds] } : {}),
    ...(image ? { image: { png: Buffer.from(image.png) } } : {}),
  };
}

/** A copy the caller may change; the image stays a Buffer (structuredClone would make it a Uint8Array). */
function itemCopy(item: OutboxItem): OutboxItem {
  const { message, ...rest } = item;
  return { ...copyOf(rest), message: storedMessage(message) };
}

function isDue(item: OutboxItem, now: Date): boolean {
  const at = now.getTime();
  if (item.state === 'pending') return item.dueAt.getTime() <= at && (!item.retryAt || item.retryAt.getTime() <= at);
  return item.state === 'claimed' && item.leaseUntil !== undefined && item.leaseUntil.getTime() <= at;
}

/** Queue order: `dueAt`, then the id (ids sort in the order the items were stored). */
function queueOrder(a: { dueAt: Date; id: string }, b: { dueAt: Date; id: string }): number {
  return a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The persistent outbox held in this process; the same contract as the Mongo one
 * (test/storage/contracts/outbox-repository-contract.ts). One process holds it, so a claim is a
 * plain check of the item's claim generation: the item must still be at the generation the caller
 * read and still due, and then only that caller's token can finish it.
 */
export class MemoryOutboxRepository implements OutboxRepository, OutboxMaintenance {
  private readonly byId = new Map<string, OutboxItem>();
  private readonly keys = new Map<string, string>();
  private readonly live = new Map<string, LiveEntry>();

  async enqueue(item: {
    idempotencyKey: string;
    recipient: Recipient;
    message: OutgoingMessage;
    dueAt: Date;
    expiresAt?: Date;
    now: Date;
  }): Promise<boolean> {
    if (this.keys.has(item.idempotencyKey)) return false;
    const id = orderedRecordId();
    const stored: OutboxItem = {
      id,
      idempotencyKey: item.idempotencyKey,
      recipient: copyOf(item.recipient),
      message: storedMessage(item.message),
      dueAt: new Date(item.dueAt),
      ...(item.expiresAt ? { expiresAt: new Date(item.expiresAt) } : {}),
      state: 'pending',
      attempts: 0,
      createdAt: new Date(item.now),
      claimSeq: 0,
      delivered: [],
    };
    this.byId.set(id, stored);
    this.keys.set(item.idempotencyKey, id);
    this.live.set(id, { dueAt: stored.dueAt, wakeAt: stored.dueAt, insertedAt: new Date() });
    return true;
  }

  /** Marks every still-pending item whose key starts with `prefix` as skipped; claimed or sent ones stay. */
  async skipPendingByKeyPrefix(prefix: string, reason: string): Promise<number> {
    let skipped = 0;
    for (const id of this.live.keys()) {
      const item = this.byId.get(id)!;
      if (!item.idempotencyKey.startsWith(prefix) || item.state !== 'pending') continue;
      Object.assign(item, { state: 'skipped', lastError: reason, claimSeq: item.claimSeq + 1 });
      this.live.delete(id);
      skipped += 1;
    }
    return skipped;
  }

  async findDue(now: Date, limit: number, after?: OutboxCandidate): Promise<OutboxCandidate[]> {
    return [...this.live.entries()]
      .map(([id, entry]) => ({ id, ...entry }))
      .filter((entry) => entry.wakeAt.getTime() <= now.getTime() && (!after || queueOrder(entry, after) > 0))
      .sort(queueOrder)
      .slice(0, limit)
      .map(({ id, dueAt, insertedAt }) => ({ id, dueAt: new Date(dueAt), insertedAt: new Date(insertedAt) }));
  }

  async fetchDue(candidate: OutboxCandidate, now: Date): Promise<OutboxItem | null> {
    const item = this.byId.get(candidate.id);
    if (!item || (item.state !== 'pending' && item.state !== 'claimed')) {
      this.live.delete(candidate.id);
      return null;
    }
    return isDue(item, now) ? itemCopy(item) : null;
  }

  async claim(item: OutboxItem, now: Date, leaseMs: number, token: string): Promise<OutboxItem | null> {
    const stored = this.byId.get(item.id);
    if (!stored || stored.claimSeq !== item.claimSeq || !isDue(stored, now)) return null;
    Object.assign(stored, {
      state: 'claimed',
      leaseUntil: new Date(now.getTime() + leaseMs),
      claimToken: token,
      claimSeq: item.claimSeq + 1,
      attempts: item.attempts + 1,
    });
    return itemCopy(stored);
  }

  async recordDelivered(id: string, fingerprint: string): Promise<void> {
    const item = this.byId.get(id);
    if (item && !item.delivered.includes(fingerprint)) item.delivered.push(fingerprint);
  }

  async markSent(id: string, token: string, now: Date, note?: string): Promise<boolean> {
    return this.finish(id, token, { state: 'sent', sentAt: new Date(now), ...(note ? { lastError: note } : {}) });
  }

  async markFailed(id: string, token: string, lastError: string): Promise<boolean> {
    return this.finish(id, token, { state: 'failed', lastError });
  }

  async markSkipped(id: string, token: string, reason: string): Promise<boolean> {
    return this.finish(id, token, { state: 'skipped', lastError: reason });
  }

  async release(id: string, token: string, retry: { retryAt: Date; attempts: number; lastError?: string }): Promise<boolean> {
    return this.finish(id, token, {
      state: 'pending',
      retryAt: new Date(retry.retryAt),
      attempts: retry.attempts,
      ...(retry.lastError ? { lastError: retry.lastError } : {}),
    });
  }

  async countWaiting(): Promise<number> {
    return this.live.size;
  }

  /** Nothing can go missing from a queue kept beside its items in one process. */
  async recoverQueue(): Promise<number> {
    return 0;
  }

  /** Forgets items sent before `before` (the nightly housekeeping); waiting, failed and skipped items stay. */
  async pruneSent(before: Date): Promise<number> {
    let pruned = 0;
    for (const [id, item] of this.byId) {
      if (item.state !== 'sent' || !item.sentAt || item.sentAt.getTime() >= before.getTime()) continue;
      this.byId.delete(id);
      this.keys.delete(item.idempotencyKey);
      pruned += 1;
    }
    return pruned;
  }

  /** The claims live on the items themselves here: nothing to prune. */
  async pruneClaims(_before: Date): Promise<number> {
    return 0;
  }

  async listFailed(limit: number): Promise<{ items: OutboxItem[]; total: number }> {
    const failed = [...this.byId.values()].filter((item) => item.state === 'failed').sort(queueOrder);
    return { items: failed.slice(0, limit).map(itemCopy), total: failed.length };
  }

  async retry(ids: readonly string[], now: Date): Promise<string[]> {
    return ids.filter((id) => this.requeue(id, now));
  }

  async retryAll(now: Date): Promise<number> {
    return [...this.byId.keys()].filter((id) => this.requeue(id, now)).length;
  }

  /** A failed item back to pending, due now, with a fresh count of attempts (as the Mongo maintenance does). */
  private requeue(id: string, now: Date): boolean {
    const item = this.byId.get(id);
    if (item?.state !== 'failed') return false;
    Object.assign(item, { state: 'pending', dueAt: new Date(now), attempts: 0 });
    delete item.retryAt;
    this.live.set(id, { dueAt: item.dueAt, wakeAt: item.dueAt, insertedAt: new Date() });
    return true;
  }

  /** Every item stored, in any state, oldest first (what the Mongo `outbox` collection holds; for tests). */
  items(): OutboxItem[] {
    return [...this.byId.values()].map(itemCopy);
  }

  private finish(id: string, token: string, set: Partial<OutboxItem>): boolean {
    const item = this.byId.get(id);
    if (!item || item.state !== 'claimed' || item.claimToken !== token) return false;
    Object.assign(item, set);
    delete item.leaseUntil;
    delete item.claimToken;
    const entry = this.live.get(id);
    if (set.state === 'pending') {
      this.live.set(id, { dueAt: item.dueAt, wakeAt: set.retryAt ?? item.dueAt, insertedAt: entry?.insertedAt ?? new Date() });
    } else this.live.delete(id);
    return true;
  }
}
