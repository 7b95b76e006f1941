import { randomUUID } from 'node:crypto';
import type { Messages } from '../i18n/messages.js';
import type { Logger } from '../logger.js';
import { SendError, type AddressPlatform, type Sender } from '../platforms/types.js';
import type { GroupRepository } from './groups/group-records.js';
import { KeyedLanes } from './keyed-lanes.js';
import type { OutboxRepository, OutboxCandidate, OutboxItem } from './outbox-records.js';
import type { Notifier } from './notifier.js';
import { RecipientResolver, type DeliveryTarget, type RecipientResolverDeps, type Resolution } from './outbox-recipients.js';

/** SendError codes meaning "this channel is gone until a person fixes it". */
const BROKEN_CHANNEL_CODES: ReadonlySet<string> = new Set(['wecom_robot_broken']);

export interface OutboxDispatcherDeps extends Omit<RecipientResolverDeps, 'senders'> {
  outbox: OutboxRepository;
  /** The senders of the switched-on platforms (the composition's SenderRegistry). */
  senders: Sender & { has(platform: AddressPlatform): boolean };
  groups: GroupRepository;
  /** Tells the staff group when a robot breaks (through the outbox itself). */
  notifier: Notifier;
  messages: Messages;
  logger: Logger;
  /** Called with the number of items still waiting after each pass (the outbox-depth gauge). */
  onDepth?: (waiting: number) => void;
  /** How long a claim lasts before another instance may take the item over (default 60 s). */
  leaseMs?: number;
  /** How many channels are sent to at once (default 8); each channel gets its notices in order. */
  concurrency?: number;
}

/** What one pass did. */
export interface DispatchSummary {
  sent: number;
  failed: number;
  skipped: number;
  deferred: number;
}

/** Retries after errors that name no wait time: 30 s, 1 min, 2 min, … up to 30 min; then give up. */
const MAX_ATTEMPTS = 10;
const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
/** Rate-limit deferrals burn no attempt, but an item deferred this often is given up on. */
const MAX_CLAIMS = 1000;

type Outcome = keyof DispatchSummary;

/**
 * Queue entries read per query. They are small (no message), and on FerretDB each query reads the
 * whole live queue, so fewer, larger batches cost less.
 */
const CANDIDATE_BATCH = 200;

/** What one pass remembers between items. */
interface PassState {
  /** Groups are looked up once per pass: a fan-out sends many notices to the same few groups. */
  groupCache: Map<string, Promise<Resolution>>;
}

/**
 * After losing a claim to another instance, move on to a random later candidate instead of the
 * next one (which the winner is about to take too). Alone, an instance never loses a claim, so it
 * sends strictly in due order.
 */
function jumpAhead<T>(candidates: T[], from: number): void {
  const rest = candidates.length - from;
  if (rest < 2) return;
  const shift = Math.floor(Math.random() * rest);
  const tail = candidates.splice(from);
  candidates.push(...tail.slice(shift), ...tail.slice(0, shift));
}

/**
 * Sends what is due from the persistent outbox. Safe on any number of instances at once: each
 * item is claimed exclusively for a lease, and a crashed claimer's items are taken over when the
 * lease runs out. Rate limits are the senders' business: a retryable SendError with a wait time
 * puts the item back, and later items for the same channel wait too, keeping their order.
 */
export class OutboxDispatcher {
  private readonly resolver: RecipientResolver;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  /** Channels that asked us to wait, by address key → until (ms). */
  private readonly blocked = new Map<string, number>();
  private tail: Promise<unknown> = Promise.resolve();
  private running = 0;
  private stopping = false;
  private recovered = false;
  /** A pass waiting for the one in progress; requests in the meantime join it. */
  private queued: Promise<DispatchSummary> | undefined;

  constructor(private readonly deps: OutboxDispatcherDeps) {
    this.resolver = new RecipientResolver(deps);
    this.leaseMs = deps.leaseMs ?? 60_000;
    this.concurrency = deps.concurrency ?? 8;
  }

  /** Sends everything due at `now`. Passes of one instance run one after another. */
  dispatchDue(now: Date): Promise<DispatchSummary> {
    const pass = this.tail.then(() => this.pass(now));
    this.tail = pass.catch(() => undefined);
    return pass;
  }

  /**
   * Sends everything due when the pass starts (the clock is read then). Coalesced: while a pass is
   * waiting to start, further requests share it, so a burst of enqueues costs at most two passes.
   */
  dispatchSoon(clock: () => Date): Promise<DispatchSummary> {
    if (this.queued) return this.queued;
    const pass = this.tail.then(() => {
      this.queued = undefined;
      return this.pass(clock());
    });
    this.queued = pass;
    this.tail = pass.catch(() => undefined);
    return pass;
  }

  /** Stops claiming; waits up to `timeoutMs` for the pass in progress. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.tail, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    if (this.running > 0) this.deps.logger.warn('stopped while sending; claimed outbox items will be taken over when their lease ends');
  }

  private async pass(now: Date): Promise<DispatchSummary> {
    const summary: DispatchSummary = { sent: 0, failed: 0, skipped: 0, deferred: 0 };
    if (this.stopping) return summary;
    this.running += 1;
    const token = randomUUID();
    const state: PassState = { groupCache: new Map() };
    try {
      if (!this.recovered) {
        // Once per process: waiting items from before the live queue existed get their entries.
        const added = await this.deps.outbox.recoverQueue();
        this.recovered = true;
        if (added > 0) this.deps.logger.info({ added }, 'outbox queue entries recovered for waiting items');
      }
      for (const [key, until] of this.blocked) if (until <= now.getTime()) this.blocked.delete(key);
      // One walk through the queue in due order. Items waiting behind a rate-limited robot stay
      // where they are (keeping their order) and are stepped over.
      let cursor: OutboxCandidate | undefined;
      while (!this.stopping) {
        const candidates = await this.deps.outbox.findDue(now, CANDIDATE_BATCH, cursor);
        if (candidates.length === 0) break;
        cursor = candidates[candidates.length - 1];
        const { handled, lost } = await this.sendBatch(candidates, now, token, state, summary);
        // Every candidate went to other instances, which drain the rest. (A short batch is not the
        // end: notices enqueued during the pass, due now, are queued after the cursor.)
        if (lost > 0 && handled === 0) break;
      }
      if (summary.sent + summary.failed + summary.skipped + summary.deferred > 0)
        this.deps.logger.info({ ...summary }, 'outbox pass finished');
      this.deps.onDepth?.(await this.deps.outbox.countWaiting());
    } finally {
      this.running -= 1;
    }
    return summary;
  }

  /**
   * Sends one batch of candidates: read in due order, sent in lanes (one per channel, several at
   * once). How many were handled here, and how many were lost to other instances.
   */
  private async sendBatch(
    candidates: OutboxCandidate[],
    now: Date,
    token: string,
    state: PassState,
    summary: DispatchSummary,
  ): Promise<{ handled: number; lost: number }> {
    let handled = 0;
    let lost = 0;
    let justLost = false;
    // Items are read in due order; sending runs in lanes, one per channel (several at once).
    const lanes = new KeyedLanes(this.concurrency);
    try {
      for (let index = 0; index < candidates.length && !this.stopping; index += 1) {
        if (justLost) {
          jumpAhead(candidates, index);
          justLost = false;
        }
        const due = await this.deps.outbox.fetchDue(candidates[index]!, now);
        if (!due) continue;
        await lanes.submit(await this.lanesOf(due, state), async () => {
          // Stopping: queued items are left unclaimed for the next pass, here or elsewhere.
          if (this.stopping) return;
          if (await this.mustWait(due, now, state)) {
            summary.deferred += 1;
            handled += 1;
            return;
          }
          const item = await this.deps.outbox.claim(due, now, this.leaseMs, token);
          if (!item) {
            lost += 1;
            justLost = true;
            return;
          }
          handled += 1;
          summary[await this.processSafely(item, token, now, state)] += 1;
        });
      }
    } finally {
      // Items already started finish before the pass ends, also when it ends in an error.
      await lanes.settle();
    }
    await lanes.drain();
    return { handled, lost };
  }

  private async processSafely(item: OutboxItem, token: string, now: Date, state: PassState): Promise<Outcome> {
    try {
      return await this.process(item, token, now, state);
    } catch (error) {
      // A store hiccup mid-item: put it back; if even that fails, the lease hands it on later.
      this.deps.logger.error({ err: error, idempotencyKey: item.idempotencyKey }, 'outbox item could not be processed; it will be retried');
      await this.deps.outbox
        .release(item.id, token, {
          retryAt: new Date(now.getTime() + backoffMs(item.attempts)),
          attempts: item.attempts,
          lastError: String((error as Error).message),
        })
        .catch(() => undefined);
      return 'deferred';
    }
  }

  private async process(item: OutboxItem, token: string, now: Date, state: PassState): Promise<Outcome> {
    const log = this.deps.logger.child({ idempotencyKey: item.idempotencyKey, outboxId: item.id });
    if (item.expiresAt && item.expiresAt.getTime() <= now.getTime()) {
      await this.deps.outbox.markSkipped(item.id, token, `expired at ${item.expiresAt.toISOString()} before it could be sent`);
      log.info(
        { dueAt: item.dueAt, expiresAt: item.expiresAt },
        'outbox item skipped: it is no longer useful (expired before it could be sent)',
      );
      return 'skipped';
    }
    const resolution = await this.resolve(item, state.groupCache);
    if (!resolution.ok) {
      await this.deps.outbox.markFailed(item.id, token, resolution.reason);
      log.warn({ recipient: item.recipient, reason: resolution.reason }, 'outbox item failed: its recipient cannot be reached');
      return 'failed';
    }
    const targets = resolution.targets.filter((t) => !item.delivered.includes(t.fingerprint));
    const several = resolution.targets.length > 1 || item.recipient.kind === 'group';
    const failures: string[] = [];
    let deliveredNow = 0;
    let waitUntil: number | undefined;
    let burnsAttempt = false;
    let retryReason: string | undefined;

    for (const target of targets) {
      const key = this.deps.addresses.key(target.address);
      const blockedUntil = this.blocked.get(key);
      if (blockedUntil !== undefined && blockedUntil > now.getTime()) {
        waitUntil = Math.max(waitUntil ?? 0, blockedUntil);
        continue;
      }
      try {
        // Per-address keys: a sender that remembers progress by key must not mix two robots.
        const idempotencyKey = several ? `${item.idempotencyKey}#${target.fingerprint}` : item.idempotencyKey;
        await this.deps.senders.send(target.address, item.message, { idempotencyKey });
        deliveredNow += 1;
        if (resolution.targets.length > 1) await this.deps.outbox.recordDelivered(item.id, target.fingerprint);
      } catch (thrown) {
        const error =
          thrown instanceof SendError ? thrown : new SendError(String((thrown as Error)?.message ?? thrown), 'send_threw', true);
        if (error.retryable) {
          retryReason = `${error.code}: ${error.message}`;
          if (error.retryAfterMs !== undefined) {
            const until = now.getTime() + Math.max(1, error.retryAfterMs);
            this.blocked.set(key, until);
            waitUntil = Math.max(waitUntil ?? 0, until);
          } else {
            burnsAttempt = true;
            waitUntil = Math.max(waitUntil ?? 0, now.getTime() + backoffMs(item.attempts));
          }
        } else {
          failures.push(`${target.address.platform} ${error.code}: ${error.message}`);
          if (BROKEN_CHANNEL_CODES.has(error.code) && target.groupKey) {
            state.groupCache.delete(target.groupKey);
            await this.markBroken(target, error, now);
          }
        }
      }
    }

    if (waitUntil !== undefined) {
      const gaveUp = (burnsAttempt && item.attempts >= MAX_ATTEMPTS) || item.claimSeq >= MAX_CLAIMS;
      if (gaveUp) {
        await this.deps.outbox.markFailed(
          item.id,
          token,
          `gave up after ${item.attempts} attempts; last error ${retryReason ?? 'rate limited'}`,
        );
        log.warn({ attempts: item.attempts, reason: retryReason }, 'outbox item failed: too many retries');
        return 'failed';
      }
      const attempts = burnsAttempt ? item.attempts : item.attempts - 1;
      await this.deps.outbox.release(item.id, token, {
        retryAt: new Date(waitUntil),
        attempts,
        ...(retryReason ? { lastError: retryReason } : {}),
      });
      log.debug({ retryAt: new Date(waitUntil), reason: retryReason }, 'outbox item deferred');
      return 'deferred';
    }
    const reachedSomeone = deliveredNow > 0 || targets.length < resolution.targets.length;
    if (failures.length > 0 && !reachedSomeone) {
      await this.deps.outbox.markFailed(item.id, token, failures.join('; '));
      log.warn({ failures }, 'outbox item failed: the platform refused it');
      return 'failed';
    }
    const marked = await this.deps.outbox.markSent(
      item.id,
      token,
      now,
      failures.length ? `some channels failed: ${failures.join('; ')}` : undefined,
    );
    if (!marked) log.warn('outbox item sent, but its claim had already passed to another instance (the send took longer than the lease)');
    return 'sent';
  }

  /**
   * True when every address the candidate still has to reach asked us to wait (no claim needed to
   * know). Expired items are never stepped over: they are claimed and marked skipped.
   */
  private async mustWait(candidate: OutboxItem, now: Date, state: PassState): Promise<boolean> {
    if (this.blocked.size === 0 || (candidate.expiresAt && candidate.expiresAt.getTime() <= now.getTime())) return false;
    const resolution = await this.resolve(candidate, state.groupCache);
    if (!resolution.ok) return false;
    const remaining = resolution.targets.filter((t) => !candidate.delivered.includes(t.fingerprint));
    return remaining.length > 0 && remaining.every((t) => (this.blocked.get(this.deps.addresses.key(t.address)) ?? 0) > now.getTime());
  }

  /**
   * The lane keys of an item: the channels it goes to, so that notices for one robot keep their
   * order whichever group or address they were meant for. A group is resolved here (once per
   * pass); a member or resident is keyed by who they are, which costs no lookup.
   */
  private async lanesOf(item: OutboxItem, state: PassState): Promise<string[]> {
    const recipient = item.recipient;
    switch (recipient.kind) {
      case 'group': {
        const resolution = await this.resolve(item, state.groupCache);
        return resolution.ok && resolution.targets.length > 0
          ? resolution.targets.map((target) => this.deps.addresses.key(target.address))
          : [`group:${recipient.groupKey}`];
      }
      case 'address':
        return [this.deps.addresses.key(recipient.address)];
      case 'member':
        return [`member:${recipient.memberId}`];
      case 'resident':
        return [`resident:${recipient.residentId}`];
    }
  }

  private resolve(item: OutboxItem, groupCache: Map<string, Promise<Resolution>>): Promise<Resolution> {
    if (item.recipient.kind !== 'group') return this.resolver.resolve(item.recipient);
    const key = item.recipient.groupKey;
    let cached = groupCache.get(key);
    if (!cached) {
      cached = this.resolver.resolve(item.recipient);
      groupCache.set(key, cached);
      cached.catch(() => groupCache.delete(key));
    }
    return cached;
  }

  /** Flags the broken channel and tells the staff group once per breakage. */
  private async markBroken(target: DeliveryTarget, error: SendError, now: Date): Promise<void> {
    const groupKey = target.groupKey!;
    const before = await this.deps.groups.markChannelBroken(groupKey, target.address, {
      reason: `${error.code}: ${error.message}`,
      at: now,
    });
    if (!before) return;
    this.deps.logger.error(
      { groupKey, platform: target.address.platform, channel: target.fingerprint, code: error.code },
      'a group channel is broken; telling the staff group',
    );
    await this.deps.notifier.notify(
      { kind: 'group', groupKey: 'staff' },
      { text: this.deps.messages.outbox.robotBroken(before.name, groupKey, target.address.platform, error.message), format: 'text' },
      { idempotencyKey: `channel-broken:${groupKey}:${target.fingerprint}:${before.updatedAt.getTime()}` },
    );
  }
}
