import { randomUUID } from 'node:crypto';
import type { Coordination, FeedRead, Lock, TokenResult } from '../../core/coordination.js';

interface Entry {
  value: string;
  expiresAt: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Single-instance coordination held in this process. Same contract as the Redis one; it is
 * correct only while exactly one Yishi process runs.
 */
export class MemoryCoordination implements Coordination {
  readonly kind = 'memory' as const;
  private readonly entries = new Map<string, Entry>();
  private readonly buckets = new Map<string, Bucket>();
  /** Feeds: the values kept and how many were dropped before them (a position is a count of values appended). */
  private readonly feeds = new Map<string, { dropped: number; values: string[] }>();
  private sweepCounter = 0;

  constructor(private readonly prefix = '') {}

  private read(key: string): string | null {
    const entry = this.entries.get(this.prefix + key);
    if (!entry) return null;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(this.prefix + key);
      return null;
    }
    return entry.value;
  }

  private write(key: string, value: string, ttlMs: number): void {
    this.entries.set(this.prefix + key, { value, expiresAt: Date.now() + ttlMs });
    if (++this.sweepCounter % 1000 === 0) this.sweep();
  }

  /** Drops expired entries now and then so memory stays bounded. */
  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    if (this.read(key) !== null) return false;
    this.write(key, '1', ttlMs);
    return true;
  }

  async claimFor(key: string, holder: string, ttlMs: number): Promise<boolean> {
    const current = this.read(`holder:${key}`);
    if (current !== null) return current === holder;
    this.write(`holder:${key}`, holder, ttlMs);
    return true;
  }

  async acquireLock(name: string, ttlMs: number): Promise<Lock | null> {
    const key = `lock:${name}`;
    if (this.read(key) !== null) return null;
    const token = randomUUID();
    this.write(key, token, ttlMs);
    return {
      name,
      token,
      release: async () => {
        if (this.read(key) !== token) return false;
        this.entries.delete(this.prefix + key);
        return true;
      },
      extend: async (extendMs: number) => {
        if (this.read(key) !== token) return false;
        this.write(key, token, extendMs);
        return true;
      },
    };
  }

  async takeToken(bucketName: string, capacity: number, refillMs: number, nowMs: number): Promise<TokenResult> {
    const key = this.prefix + bucketName;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, updatedAt: nowMs };
    const elapsed = Math.max(0, nowMs - bucket.updatedAt);
    // Multiply before dividing so whole refills come out exact (3000 ms × 20 / 60000 ms = 1).
    bucket.tokens = Math.min(capacity, bucket.tokens + (elapsed * capacity) / refillMs);
    bucket.updatedAt = Math.max(bucket.updatedAt, nowMs);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterMs: 0 };
    }
    return { allowed: false, retryAfterMs: Math.ceil(((1 - bucket.tokens) * refillMs) / capacity) };
  }

  async getState<T>(key: string): Promise<T | null> {
    const raw = this.read(`state:${key}`);
    return raw === null ? null : (JSON.parse(raw) as T);
  }

  async setState<T>(key: string, value: T, ttlMs: number): Promise<void> {
    this.write(`state:${key}`, JSON.stringify(value), ttlMs);
  }

  async setStateIfAbsent<T>(key: string, value: T, ttlMs: number): Promise<boolean> {
    if (this.read(`state:${key}`) !== null) return false;
    this.write(`state:${key}`, JSON.stringify(value), ttlMs);
    return true;
  }

  async deleteState(key: string): Promise<void> {
    this.entries.delete(`${this.prefix}state:${key}`);
  }

  async appendToFeed(name: string, value: string, keep: number): Promise<void> {
    const feed = this.feeds.get(this.prefix + name) ?? { dropped: 0, values: [] };
    this.feeds.set(this.prefix + name, feed);
    feed.values.push(value);
    const over = feed.values.length - keep;
    if (over > 0) {
      feed.values.splice(0, over);
      feed.dropped += over;
    }
  }

  async readFeed(name: string, after?: string): Promise<FeedRead> {
    const feed = this.feeds.get(this.prefix + name) ?? { dropped: 0, values: [] };
    const end = feed.dropped + feed.values.length;
    if (after === undefined) return { values: [], position: String(end), complete: true };
    const from = Number(after);
    if (!Number.isInteger(from) || from < feed.dropped || from > end) return { values: [], position: String(end), complete: false };
    return { values: feed.values.slice(from - feed.dropped), position: String(end), complete: true };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.entries.clear();
    this.buckets.clear();
    this.feeds.clear();
  }
}
