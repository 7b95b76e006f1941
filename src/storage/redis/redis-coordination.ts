import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Coordination, FeedRead, Lock, TokenResult } from '../../core/coordination.js';
import { redisKeys } from './keys.js';

const RELEASE_IF_OWNER = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND_IF_OWNER = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

// SET NX, or already ours, in one atomic step. KEYS[1] = key; ARGV = holder, ttlMs. Returns 1 when held by holder.
const CLAIM_FOR = `if redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 1 end
if redis.call('get', KEYS[1]) == ARGV[1] then return 1 else return 0 end`;

// Token bucket in one atomic step. KEYS[1] = bucket hash; ARGV = capacity, refillMs, nowMs.
// Returns {allowed (0/1), retryAfterMs}.
const TAKE_TOKEN = `
local capacity = tonumber(ARGV[1])
local refill_ms = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local state = redis.call('hmget', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(state[1])
local updated = tonumber(state[2])
if tokens == nil then tokens = capacity; updated = now end
local elapsed = now - updated
if elapsed < 0 then elapsed = 0 end
tokens = math.min(capacity, tokens + (elapsed * capacity) / refill_ms)
if now > updated then updated = now end
local allowed = 0
local retry = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry = math.ceil(((1 - tokens) * refill_ms) / capacity)
end
redis.call('hset', KEYS[1], 'tokens', tostring(tokens), 'updated', tostring(updated))
redis.call('pexpire', KEYS[1], refill_ms * 2)
return {allowed, retry}
`;

/** Stream entry ids (`<ms>-<seq>`) in order: negative when `a` comes before `b`. */
function compareStreamIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am - bm || as - bs;
}

/** One field of XINFO STREAM's flat answer (`[name, value, name, value, …]`). */
function infoField(info: unknown, field: string): string | undefined {
  if (!Array.isArray(info)) return undefined;
  const at = info.indexOf(field);
  return at >= 0 ? String(info[at + 1]) : undefined;
}

/** The Lua scripts above as ioredis commands: sent in full once per connection, then by their SHA1 (EVALSHA). */
const SCRIPTS = {
  yishiReleaseIfOwner: { numberOfKeys: 1, lua: RELEASE_IF_OWNER },
  yishiExtendIfOwner: { numberOfKeys: 1, lua: EXTEND_IF_OWNER },
  yishiClaimFor: { numberOfKeys: 1, lua: CLAIM_FOR },
  yishiTakeToken: { numberOfKeys: 1, lua: TAKE_TOKEN },
} as const;

type ScriptName = keyof typeof SCRIPTS;

/** Runs one of {@link SCRIPTS} (defined on the connection by the constructor). */
function runScript(redis: Redis, name: ScriptName, ...args: string[]): Promise<unknown> {
  const command = (redis as unknown as Record<ScriptName, (...a: string[]) => Promise<unknown>>)[name];
  return command.apply(redis, args);
}

/**
 * Coordination across instances through one Redis (ioredis). Commands issued in the same turn of
 * the event loop (many messages at once) go out together (ioredis auto-pipelining): one socket
 * write and one read for the lot instead of one each, with the same answers in the same order.
 */
export class RedisCoordination implements Coordination {
  readonly kind = 'redis' as const;
  private readonly keys: ReturnType<typeof redisKeys>;

  constructor(
    /** The connection, shared with the workbench's session store (redis-session-store.ts). */
    readonly redis: Redis,
    readonly prefix = 'yishi:',
  ) {
    this.keys = redisKeys(prefix);
    for (const [name, script] of Object.entries(SCRIPTS)) if (!(name in redis)) redis.defineCommand(name, script);
  }

  /**
   * Connects and waits until Redis answers. Afterwards commands fail fast while Redis is away
   * (no offline queue), so callers can answer 503 and let the platform retry.
   */
  static async connect(url: string, prefix = 'yishi:', timeoutMs = 5000): Promise<RedisCoordination> {
    const redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: true,
      connectTimeout: timeoutMs,
      enableAutoPipelining: true,
    });
    // Connection errors surface through ping() and failed commands; the listener keeps them from crashing the process.
    redis.on('error', () => undefined);
    await redis.connect();
    return new RedisCoordination(redis, prefix);
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.keys.claim(key), '1', 'PX', ttlMs, 'NX')) === 'OK';
  }

  async claimFor(key: string, holder: string, ttlMs: number): Promise<boolean> {
    return (await runScript(this.redis, 'yishiClaimFor', this.keys.claim(key), holder, String(Math.max(1, Math.ceil(ttlMs))))) === 1;
  }

  async acquireLock(name: string, ttlMs: number): Promise<Lock | null> {
    const key = this.keys.lock(name);
    const token = randomUUID();
    if ((await this.redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') return null;
    return {
      name,
      token,
      release: async () => (await runScript(this.redis, 'yishiReleaseIfOwner', key, token)) === 1,
      extend: async (extendMs: number) => (await runScript(this.redis, 'yishiExtendIfOwner', key, token, String(extendMs))) === 1,
    };
  }

  async takeToken(bucket: string, capacity: number, refillMs: number, nowMs: number): Promise<TokenResult> {
    const [allowed, retry] = (await runScript(
      this.redis,
      'yishiTakeToken',
      this.keys.bucket(bucket),
      String(capacity),
      String(refillMs),
      String(Math.floor(nowMs)),
    )) as [number, number];
    return { allowed: allowed === 1, retryAfterMs: Number(retry) };
  }

  async getState<T>(key: string): Promise<T | null> {
    const raw = await this.redis.get(this.keys.state(key));
    return raw === null ? null : (JSON.parse(raw) as T);
  }

  async setState<T>(key: string, value: T, ttlMs: number): Promise<void> {
    await this.redis.set(this.keys.state(key), JSON.stringify(value), 'PX', ttlMs);
  }

  async setStateIfAbsent<T>(key: string, value: T, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.keys.state(key), JSON.stringify(value), 'PX', ttlMs, 'NX')) === 'OK';
  }

  async deleteState(key: string): Promise<void> {
    await this.redis.del(this.keys.state(key));
  }

  async appendToFeed(name: string, value: string, keep: number): Promise<void> {
    await this.redis.xadd(this.keys.feed(name), 'MAXLEN', String(keep), '*', 'v', value);
  }

  async readFeed(name: string, after?: string): Promise<FeedRead> {
    const key = this.keys.feed(name);
    if (after === undefined) {
      const [last] = await this.redis.xrevrange(key, '+', '-', 'COUNT', 1);
      return { values: [], position: last?.[0] ?? '0-0', complete: true };
    }
    // One transaction, so what was trimmed is seen together with the entries read.
    const answers = (await this.redis.multi().xinfo('STREAM', key).xrange(key, `(${after}`, '+').exec()) ?? [];
    const [infoError, info] = answers[0] ?? [null, null];
    const entries = (answers[1]?.[1] ?? []) as Array<[string, string[]]>;
    const position = entries.at(-1)?.[0] ?? after;
    const values = entries.map(([, fields]) => fields[1] ?? '');
    if (infoError) return { values, position, complete: after === '0-0' }; // no feed: fine if it never had entries
    // Nothing trimmed yet, or the oldest kept entry is not newer than `after` (when `after` itself was just
    // trimmed this says incomplete although nothing newer was: the reader starts over, which is safe).
    const trimmed = Number(infoField(info, 'entries-added') ?? 0) - Number(infoField(info, 'length') ?? 0);
    const oldest = infoField(info, 'recorded-first-entry-id') ?? '0-0';
    return { values, position, complete: trimmed === 0 || compareStreamIds(oldest, after) <= 0 };
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
