/**
 * Coordination between Yishi instances: message dedup, locks, shared rate limits and short-lived
 * conversation state. Two implementations pass one contract suite: Redis for several instances,
 * in-process memory for single-instance mode.
 *
 * @example
 * if (await coordination.claimOnce(`dedup:wecom:${msgId}`, 10 * 60_000)) {
 *   // first delivery: do the work
 * }
 */
export interface Coordination {
  readonly kind: 'redis' | 'memory';

  /** Sets `key` only if absent (SET NX EX). True for the first caller within the TTL. */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;

  /**
   * Claims `key` for `holder` (SET NX PX, or already held by the same holder). True when `holder`
   * holds it now; false while another holder does, until the TTL passes.
   *
   * @example
   * // a signed pair may carry one body only
   * await coordination.claimFor(`dingtalk-sign:${timestamp}:${sign}`, sha256(body), 2 * 60 * 60_000);
   */
  claimFor(key: string, holder: string, ttlMs: number): Promise<boolean>;

  /** Takes a named lock for `ttlMs` (SET NX PX with a random token); null when someone else holds it. */
  acquireLock(name: string, ttlMs: number): Promise<Lock | null>;

  /**
   * Takes one token from a bucket of `capacity` that refills completely over `refillMs`
   * (capacity / refillMs tokens per ms), shared by every instance.
   */
  takeToken(bucket: string, capacity: number, refillMs: number, nowMs: number): Promise<TokenResult>;

  /** Short-lived JSON state (conversations, cached tokens, stored answers). */
  getState<T>(key: string): Promise<T | null>;
  setState<T>(key: string, value: T, ttlMs: number): Promise<void>;
  /** Writes only when the key is absent; true when written. */
  setStateIfAbsent<T>(key: string, value: T, ttlMs: number): Promise<boolean>;
  deleteState(key: string): Promise<void>;

  /**
   * Appends `value` to the shared feed `name`, which keeps only its newest `keep` entries
   * (a Redis stream; an array in memory). Readers follow it with `readFeed`.
   */
  appendToFeed(name: string, value: string, keep: number): Promise<void>;
  /**
   * The values appended to feed `name` after position `after` (oldest first) and the position to
   * read from next. Without `after`: no values, only the current position. `complete` is false when
   * entries after `after` were already dropped (or the feed was lost): the reader must start over.
   *
   * @example
   * const { position } = await coordination.readFeed('opinions:changes');
   * // … later, from any instance:
   * const next = await coordination.readFeed('opinions:changes', position);
   */
  readFeed(name: string, after?: string): Promise<FeedRead>;

  /** Throws when the store cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A held lock. Only its owner can release or extend it. */
export interface Lock {
  readonly name: string;
  readonly token: string;
  /** False when the lock had already expired or passed to someone else. */
  release(): Promise<boolean>;
  extend(ttlMs: number): Promise<boolean>;
}

export interface FeedRead {
  values: string[];
  /** Opaque; pass it back as `after`. */
  position: string;
  complete: boolean;
}

export interface TokenResult {
  allowed: boolean;
  /** When not allowed: how long until the next token, in ms. */
  retryAfterMs: number;
}
