import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { Coordination } from '../../core/coordination.js';

/** How stale a cached read may be, and how many entries one cache keeps. */
export interface CacheBounds {
  /** How often the shared version is read; a write on another instance is seen within this (default 1 s). */
  versionCheckMs: number;
  /** No entry is served older than this, even with no version change (writes made outside Yishi; default 60 s). */
  maxAgeMs: number;
  /** Entries kept; the oldest goes first (default 5,000). */
  maxEntries: number;
}

export const DEFAULT_CACHE_BOUNDS: CacheBounds = { versionCheckMs: 1_000, maxAgeMs: 60_000, maxEntries: 5_000 };

/** The shared version outlives any idle spell; when it is gone anyway, caches are simply emptied once. */
const VERSION_TTL_MS = 30 * 24 * 60 * 60_000;

/**
 * An in-process cache of hot reads that every instance empties when any of them writes: a write
 * calls {@link invalidate}, which empties this cache and sets a new version in the coordination
 * store (Redis with several instances, this process's memory alone); every instance reads that
 * version at most once per `versionCheckMs` before serving from its cache, and empties it when the
 * version moved. So a write through any instance is seen everywhere within `versionCheckMs`, and
 * nothing is served older than `maxAgeMs`.
 *
 * @example
 * const cache = new SharedVersionCache<Member | null>('members', coordination, clock);
 * const member = await cache.read(`platform:${id}`, () => repository.findByPlatformId('wecom', id));
 * await cache.invalidate(); // after any write
 */
export class SharedVersionCache<V> {
  private readonly entries = new Map<string, { value: V; storedAt: number }>();
  private seenVersion: string | null | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  /** Moves on every emptying, so a read that started before a write never stores what it read. */
  private generation = 0;

  constructor(
    private readonly name: string,
    private readonly coordination: Coordination,
    private readonly clock: Clock,
    private readonly bounds: CacheBounds = DEFAULT_CACHE_BOUNDS,
  ) {}

  private get versionKey(): string {
    return `cache-version:${this.name}`;
  }

  private clear(): void {
    this.entries.clear();
    this.generation += 1;
  }

  /** Empties the cache when another instance wrote since the last look (looked at most once per versionCheckMs). */
  private async followVersion(now: number): Promise<void> {
    if (now - this.checkedAt < this.bounds.versionCheckMs) return;
    const version = await this.coordination.getState<string>(this.versionKey);
    this.checkedAt = now;
    if (version !== this.seenVersion) {
      this.seenVersion = version;
      this.clear();
    }
  }

  /** The cached value for `key`, or what `load` reads (then kept). Values are copies: callers may change them. */
  async read(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.clock.now().getTime();
    await this.followVersion(now);
    const hit = this.entries.get(key);
    if (hit && now - hit.storedAt < this.bounds.maxAgeMs) return structuredClone(hit.value);
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation) {
      this.entries.delete(key);
      this.entries.set(key, { value: structuredClone(value), storedAt: now });
      if (this.entries.size > this.bounds.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    }
    return value;
  }

  /** After a write: empties this cache and tells every other instance to empty theirs. */
  async invalidate(): Promise<void> {
    this.clear();
    const version = randomUUID();
    await this.coordination.setState(this.versionKey, version, VERSION_TTL_MS);
    this.seenVersion = version;
  }
}
