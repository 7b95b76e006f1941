import type { Coordination, Lock } from '../../../core/coordination.js';
import type { Logger } from '../../../logger.js';
import type { ConnectionStatus } from '../../types.js';

/** What the holder opens and closes: the long connection. */
export interface Holdable {
  open(): void;
  close(): void;
  status(): { state: ConnectionStatus['state']; detail?: string };
}

export interface HolderTiming {
  /** How long the lock lasts without renewal: a crashed holder's connection is free after this. */
  lockTtlMs: number;
  /** How often the holder renews, and a standby tries to take over. */
  checkEveryMs: number;
  /** After WeCom moved the robot to another connection (not ours), wait this long before taking it back. */
  replacedPauseMs: number;
}

/** Lock 15 s, checked every 5 s: a standby holds the connection at most ~20 s after the holder died. */
export const HOLDER_TIMING: HolderTiming = { lockTtlMs: 15_000, checkEveryMs: 5_000, replacedPauseMs: 60_000 };

/**
 * Exactly one long connection per robot across instances: the instance that holds the lock
 * `wecom-aibot:<botId>` (renewed while it runs) keeps the connection; the others stand by and
 * try again every few seconds. WeCom itself keeps one connection per robot and closes the older
 * one, so two holders would knock each other off. Single-instance mode takes the in-process lock
 * of the memory coordination (same contract).
 */
export class ConnectionHolder {
  private lock: Lock | null = null;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private pausedUntil = 0;
  private lastRenewedAt = 0;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly deps: {
      coordination: Coordination;
      lockName: string;
      link: Holdable;
      logger: Logger;
      timing?: HolderTiming;
      /** Called on every check while holding (the holder's other chores, e.g. outbox nudges). */
      whileHolding?: () => Promise<void>;
    },
  ) {}

  private get timing(): HolderTiming {
    return this.deps.timing ?? HOLDER_TIMING;
  }

  get holding(): boolean {
    return this.lock !== null;
  }

  status(name: string): ConnectionStatus {
    if (this.stopped) return { name, state: 'stopped', ready: true };
    if (!this.lock) return { name, state: 'standby', ready: true, detail: 'another instance holds the connection (or is about to)' };
    const link = this.deps.link.status();
    return { name, state: link.state, ready: link.state !== 'refused', ...(link.detail ? { detail: link.detail } : {}) };
  }

  start(): void {
    if (this.timer || this.stopped) return;
    const tick = () => {
      this.checking = this.check().finally(() => {
        this.checking = undefined;
        if (!this.stopped) this.timer = setTimeout(tick, this.timing.checkEveryMs);
      });
    };
    tick();
  }

  /** WeCom closed our connection for a newer one: give it up, and leave it alone for a while. */
  stepDown(): void {
    this.pausedUntil = Date.now() + this.timing.replacedPauseMs;
    void this.letGo('WeCom moved the robot to another connection');
  }

  /** Stops for good: closes the connection and frees the lock so a standby takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.checking;
    await this.letGo('shutting down');
  }

  private async check(): Promise<void> {
    try {
      if (this.lock) {
        if (await this.lock.extend(this.timing.lockTtlMs)) {
          this.lastRenewedAt = Date.now();
          await this.deps.whileHolding?.();
        } else await this.letGo('the lock passed to another instance');
        return;
      }
      if (Date.now() < this.pausedUntil) return;
      const lock = await this.deps.coordination.acquireLock(this.deps.lockName, this.timing.lockTtlMs);
      if (!lock || this.stopped) {
        await lock?.release();
        return;
      }
      this.lock = lock;
      this.lastRenewedAt = Date.now();
      this.deps.logger.info({ lock: this.deps.lockName }, 'this instance holds the WeCom smart robot long connection');
      this.deps.link.open();
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'could not reach the coordination store about the long connection lock');
      // Without renewal the lock runs out and another instance may connect: close ours before that.
      if (this.lock && Date.now() - this.lastRenewedAt >= this.timing.lockTtlMs - this.timing.checkEveryMs)
        await this.letGo('the lock could not be renewed');
    }
  }

  private async letGo(why: string): Promise<void> {
    const lock = this.lock;
    this.lock = null;
    this.deps.link.close();
    if (!lock) return;
    this.deps.logger.info({ lock: this.deps.lockName, why }, 'this instance no longer holds the WeCom smart robot long connection');
    await lock.release().catch(() => false);
  }
}
