import { Schema, Types, type Connection, type Model } from 'mongoose';
import { afterAnswer } from '../../core/after-answer.js';
import { systemClock, type Clock } from '../../core/clock.js';
import type { OutgoingMessage, ResidentNoticeKind } from '../../platforms/types.js';
import type { Recipient } from '../../services/notifier.js';
import { OutboxClaimLedger } from './outbox-claims.js';
import { OutboxLiveQueue } from './outbox-live.js';
import type { OutboxCandidate, OutboxItem, OutboxRepository, OutboxState } from '../../services/outbox-records.js';
import { isDuplicateKeyError } from './duplicate-key.js';
import { BatchedInserts } from './group-commit.js';

interface OutboxDocument {
  _id: Types.ObjectId;
  idempotencyKey: string;
  recipient: Recipient;
  message: {
    text: string;
    format: 'text' | 'markdown';
    mentionUserIds?: string[];
    imagePngBase64?: string;
    residentNotice?: ResidentNoticeKind;
  };
  dueAt: Date;
  expiresAt?: Date;
  state: OutboxState;
  attempts: number;
  leaseUntil?: Date;
  lastError?: string;
  sentAt?: Date;
  createdAt: Date;
  claimSeq?: number;
  claimToken?: string;
  delivered?: string[];
  retryAt?: Date;
}

const outboxSchema = new Schema<OutboxDocument>(
  {
    idempotencyKey: { type: String, required: true },
    recipient: { type: Schema.Types.Mixed, required: true },
    message: { type: Schema.Types.Mixed, required: true },
    dueAt: { type: Date, required: true },
    expiresAt: Date,
    state: { type: String, required: true, enum: ['pending', 'claimed', 'sent', 'failed', 'skipped'] },
    attempts: { type: Number, default: 0 },
    leaseUntil: Date,
    lastError: String,
    sentAt: Date,
    createdAt: { type: Date, required: true },
    claimSeq: { type: Number, default: 0 },
    claimToken: String,
    delivered: { type: [String], default: undefined },
    retryAt: Date,
  },
  { collection: 'outbox', versionKey: false },
);
outboxSchema.index({ idempotencyKey: 1 }, { unique: true });
outboxSchema.index({ state: 1, dueAt: 1 });
outboxSchema.index({ state: 1, sentAt: 1 });

export function outboxModel(connection: Connection): Model<OutboxDocument> {
  return (connection.models.Outbox as Model<OutboxDocument> | undefined) ?? connection.model<OutboxDocument>('Outbox', outboxSchema);
}

export function toOutboxItem(doc: OutboxDocument): OutboxItem {
  const { imagePngBase64, ...message } = doc.message;
  return {
    id: doc._id.toHexString(),
    idempotencyKey: doc.idempotencyKey,
    recipient: doc.recipient,
    message: { ...message, ...(imagePngBase64 ? { image: { png: Buffer.from(imagePngBase64, 'base64') } } : {}) },
    dueAt: doc.dueAt,
    ...(doc.expiresAt ? { expiresAt: doc.expiresAt } : {}),
    state: doc.state,
    attempts: doc.attempts,
    ...(doc.leaseUntil ? { leaseUntil: doc.leaseUntil } : {}),
    ...(doc.lastError ? { lastError: doc.lastError } : {}),
    ...(doc.sentAt ? { sentAt: doc.sentAt } : {}),
    createdAt: doc.createdAt,
    claimSeq: doc.claimSeq ?? 0,
    ...(doc.claimToken ? { claimToken: doc.claimToken } : {}),
    delivered: doc.delivered ?? [],
    ...(doc.retryAt ? { retryAt: doc.retryAt } : {}),
  };
}

/**
 * The persistent outbox. `enqueue` is idempotent on `idempotencyKey` (unique index): the same
 * notice enqueued twice, by one instance or several, is stored once — also after it was sent, since
 * items stay in `outbox` with their final state until the nightly housekeeping forgets those sent
 * more than 30 days ago (OUTBOX_SENT_KEEP_MS in src/scheduler/outbox-housekeeping.ts).
 *
 * Only waiting items have an entry in the small `outbox_live` queue ({@link OutboxLiveQueue}); the
 * dispatcher finds due work there and reads and writes each item by `_id` alone, so its cost does
 * not grow with the history kept in `outbox`. Claims are exclusive through {@link OutboxClaimLedger}.
 */
export class MongoOutboxRepository implements OutboxRepository {
  readonly model: Model<OutboxDocument>;
  private readonly claims: OutboxClaimLedger;
  private readonly live: OutboxLiveQueue;
  /** New items queued at the same moment (the notices of opinions filed together) are inserted together. */
  private readonly inserts: BatchedInserts<OutboxDocument>;

  constructor(
    connection: Connection,
    private readonly clock: Clock = systemClock,
  ) {
    this.model = outboxModel(connection);
    this.claims = new OutboxClaimLedger(connection);
    this.live = new OutboxLiveQueue(connection);
    this.inserts = new BatchedInserts(this.model);
  }

  /** True when stored now, false when the key was already there. */
  async enqueue(item: {
    idempotencyKey: string;
    recipient: Recipient;
    message: OutgoingMessage;
    dueAt: Date;
    expiresAt?: Date;
    now: Date;
  }): Promise<boolean> {
    const { image, ...message } = item.message;
    // One write on the request path: the item. Its queue entry follows after the answer (issue 20);
    // a crash in between leaves a waiting item without an entry, which the dispatcher's start-up
    // pass and the nightly housekeeping give one (recoverQueue).
    const id = new Types.ObjectId();
    try {
      await this.inserts.insert({
        _id: id,
        idempotencyKey: item.idempotencyKey,
        recipient: item.recipient,
        message: { ...message, ...(image ? { imagePngBase64: image.png.toString('base64') } : {}) },
        dueAt: item.dueAt,
        ...(item.expiresAt ? { expiresAt: item.expiresAt } : {}),
        state: 'pending',
        attempts: 0,
        createdAt: item.now,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    await afterAnswer(() => this.live.add(id, { key: item.idempotencyKey, dueAt: item.dueAt }));
    return true;
  }

  /**
   * Marks every still-pending item whose key starts with `prefix` as skipped (e.g. the reminders
   * of an event whose time changed). Claimed or sent items are left alone: each skip takes the
   * item's claim first, so it never races a dispatcher that is sending it. Returns how many.
   */
  async skipPendingByKeyPrefix(prefix: string, reason: string): Promise<number> {
    let skipped = 0;
    for (const id of await this.live.idsWithKeyPrefix(prefix)) {
      const doc = await this.model.findById(id, { state: 1, claimSeq: 1 }).lean<OutboxDocument>();
      if (!doc || doc.state !== 'pending') continue;
      // Never a takeover: whoever holds this generation is sending it.
      if ((await this.claims.take(id, doc.claimSeq ?? 0, this.clock.now(), Number.POSITIVE_INFINITY)) !== 'won') continue;
      await this.model.updateOne({ _id: id }, { $set: { state: 'skipped', lastError: reason, claimSeq: (doc.claimSeq ?? 0) + 1 } });
      await this.live.remove(id);
      skipped += 1;
    }
    return skipped;
  }

  /**
   * Queue entries awake at `now`, earliest due first, after `after` (a cursor through one pass).
   * Only candidates: {@link fetchDue} reads the item itself, {@link claim} decides who sends.
   */
  async findDue(now: Date, limit: number, after?: OutboxCandidate): Promise<OutboxCandidate[]> {
    return this.live.findAwake(now, limit, after);
  }

  /**
   * The candidate's item when it is due at `now`: pending and its time come, or claimed by an
   * instance whose lease ran out (it crashed). Null otherwise; an entry left behind by a finished
   * item, or by an enqueue that died half-way, is removed on the way.
   */
  async fetchDue(candidate: OutboxCandidate, now: Date): Promise<OutboxItem | null> {
    const doc = await this.model.findById(candidate.id).lean<OutboxDocument>();
    if (!doc) {
      if (OutboxLiveQueue.isOrphan(candidate)) await this.live.remove(candidate.id);
      return null;
    }
    if (doc.state !== 'pending' && doc.state !== 'claimed') {
      await this.live.remove(candidate.id);
      return null;
    }
    return isDue(doc, now) ? toOutboxItem(doc) : null;
  }

  /**
   * Claims an item from {@link fetchDue} for `leaseMs`, exclusively across instances (see
   * {@link OutboxClaimLedger}). Null when another instance won it.
   */
  async claim(item: OutboxItem, now: Date, leaseMs: number, token: string): Promise<OutboxItem | null> {
    const taken = await this.claims.take(item.id, item.claimSeq, now, leaseMs);
    if (!taken) return null;
    if (taken === 'took-over') {
      // The generation's first winner went quiet; make sure it never wrote the item back.
      const fresh = await this.model
        .findById(item.id, { state: 1, claimSeq: 1, dueAt: 1, leaseUntil: 1, retryAt: 1 })
        .lean<OutboxDocument>();
      if (!fresh || (fresh.claimSeq ?? 0) !== item.claimSeq || !isDue(fresh, now)) return null;
    }
    const set = {
      state: 'claimed' as const,
      leaseUntil: new Date(now.getTime() + leaseMs),
      claimToken: token,
      claimSeq: item.claimSeq + 1,
      attempts: item.attempts + 1,
    };
    const result = await this.model.updateOne({ _id: item.id }, { $set: set });
    return result.matchedCount === 1 ? { ...item, ...set } : null;
  }

  /** Notes that one address of a multi-address item got the message, so a retry skips it. */
  async recordDelivered(id: string, fingerprint: string): Promise<void> {
    await this.model.updateOne({ _id: id }, { $addToSet: { delivered: fingerprint } });
  }

  /** False when the claim was lost (the lease ran out and another instance took the item). */
  async markSent(id: string, token: string, now: Date, note?: string): Promise<boolean> {
    return this.finish(id, token, { state: 'sent', sentAt: now, ...(note ? { lastError: note } : {}) });
  }

  async markFailed(id: string, token: string, lastError: string): Promise<boolean> {
    return this.finish(id, token, { state: 'failed', lastError });
  }

  async markSkipped(id: string, token: string, reason: string): Promise<boolean> {
    return this.finish(id, token, { state: 'skipped', lastError: reason });
  }

  /**
   * Puts the item back to wait until `retryAt` (a retry or a rate-limit wait). Its `dueAt` stays,
   * so once the wait is over it keeps its place in the queue of its robot.
   */
  async release(id: string, token: string, retry: { retryAt: Date; attempts: number; lastError?: string }): Promise<boolean> {
    return this.finish(id, token, {
      state: 'pending',
      retryAt: retry.retryAt,
      attempts: retry.attempts,
      ...(retry.lastError ? { lastError: retry.lastError } : {}),
    });
  }

  /** Items not yet sent, failed or skipped (the outbox-depth gauge). */
  async countWaiting(): Promise<number> {
    return this.live.count();
  }

  /**
   * Gives every waiting item a queue entry (items stored before `outbox_live` existed, or put in
   * `outbox` by other means). Reads the whole outbox: for start-up and the nightly housekeeping.
   */
  async recoverQueue(): Promise<number> {
    const known = await this.live.allIds();
    // One equality per state, not `$in`: FerretDB on PostgreSQL hands an equality to PostgreSQL, but
    // evaluates `$in` itself over every item, sent ones included (docs/ferretdb-gaps.md).
    const inState = (state: 'pending' | 'claimed') =>
      this.model.find({ state }, { idempotencyKey: 1, dueAt: 1 }).lean<Array<Pick<OutboxDocument, '_id' | 'idempotencyKey' | 'dueAt'>>>();
    const waiting = (await Promise.all([inState('pending'), inState('claimed')])).flat();
    let added = 0;
    for (const doc of waiting) {
      if (known.has(doc._id.toHexString())) continue;
      // Waking at `dueAt` is early for a retry or a lease, which fetchDue then sees and passes over.
      await this.live.ensure(doc._id.toHexString(), { key: doc.idempotencyKey, dueAt: doc.dueAt, wakeAt: doc.dueAt });
      added += 1;
    }
    return added;
  }

  /**
   * Forgets items sent before `before` (the nightly housekeeping; FerretDB v1 has no TTL indexes):
   * the outbox keeps only recent history, so its writes cost the same after a year as after a day.
   * Waiting, failed and skipped items stay. On MongoDB the `{state, sentAt}` index finds them.
   */
  async pruneSent(before: Date): Promise<number> {
    const result = await this.model.deleteMany({ state: 'sent', sentAt: { $lt: before } });
    return result.deletedCount;
  }

  /** Drops claim-ledger entries older than `before` (housekeeping; no TTL index on FerretDB). */
  async pruneClaims(before: Date): Promise<number> {
    return this.claims.prune(before);
  }

  /**
   * Writes the end of a claim. The check is done here after a read by `_id` rather than in the
   * update's filter (FerretDB would read the whole outbox for that); the claim ledger is what keeps
   * two instances from holding the same claim.
   */
  private async finish(id: string, token: string, set: Partial<OutboxDocument>): Promise<boolean> {
    const doc = await this.model.findById(id, { state: 1, claimToken: 1, idempotencyKey: 1, dueAt: 1 }).lean<OutboxDocument>();
    if (!doc || doc.state !== 'claimed' || doc.claimToken !== token) return false;
    await this.model.updateOne({ _id: id }, { $set: set, $unset: { leaseUntil: 1, claimToken: 1 } });
    if (set.state === 'pending') await this.live.wake(id, { key: doc.idempotencyKey, dueAt: doc.dueAt, wakeAt: set.retryAt ?? doc.dueAt });
    else await this.live.remove(id);
    return true;
  }
}

function isDue(doc: Pick<OutboxDocument, 'state' | 'dueAt' | 'leaseUntil' | 'retryAt'>, now: Date): boolean {
  if (doc.state === 'pending') return doc.dueAt.getTime() <= now.getTime() && (!doc.retryAt || doc.retryAt.getTime() <= now.getTime());
  return doc.state === 'claimed' && doc.leaseUntil !== undefined && doc.leaseUntil.getTime() <= now.getTime();
}
