import { afterAll, describe, expect, it } from 'vitest';
import type { Coordination } from '../../src/core/coordination.js';
import { MemoryCoordination } from '../../src/storage/memory/memory-coordination.js';
import { RedisCoordination } from '../../src/storage/redis/redis-coordination.js';
import { testStores } from '../support/stores.js';

const stores = testStores(import.meta.url);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const implementations: Array<[string, () => Promise<Coordination> | Coordination]> = [
  ['redis', () => RedisCoordination.connect(stores.redisUrl, `${stores.redisPrefix}${Math.random()}:`)],
  ['memory', () => new MemoryCoordination()],
];

describe.each(implementations)('the %s coordination store', (_name, make) => {
  const created: Coordination[] = [];
  const fresh = async () => {
    const store = await make();
    created.push(store);
    return store;
  };
  afterAll(async () => {
    await Promise.all(created.map((store) => store.close()));
  });

  it('answers ping', async () => {
    await expect((await fresh()).ping()).resolves.toBeUndefined();
  });

  it('lets exactly one of many concurrent callers claim a dedup key', async () => {
    const store = await fresh();
    const results = await Promise.all(Array.from({ length: 20 }, () => store.claimOnce('msg:1', 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.claimOnce('msg:2', 60_000)).toBe(true);
  });

  it('lets a dedup key be claimed again after its TTL', async () => {
    const store = await fresh();
    expect(await store.claimOnce('short', 80)).toBe(true);
    expect(await store.claimOnce('short', 80)).toBe(false);
    await sleep(150);
    expect(await store.claimOnce('short', 80)).toBe(true);
  });

  it('holds a claimed key for its first holder only (even against many at once) until the TTL passes', async () => {
    const store = await fresh();
    // DingTalk's signed pairs: Base64 with +, / and =, held by the digest of the body they came with.
    const pair = 'dingtalk-sign:1767225600000:q9X+/AbC1=';
    const contenders = await Promise.all(Array.from({ length: 20 }, (_, i) => store.claimFor(pair, `body-${i % 2}`, 80)));
    const winner = contenders[0] ? 'body-0' : 'body-1';
    expect(contenders.filter(Boolean)).toHaveLength(10);
    expect(contenders.every((held, i) => held === (`body-${i % 2}` === winner))).toBe(true);
    expect(await store.claimFor(pair, winner, 80)).toBe(true);
    expect(await store.claimFor(pair, 'another-body', 80)).toBe(false);
    expect(await store.claimFor('dingtalk-sign:1767225600000:q9X+/AbC2=', 'another-body', 80)).toBe(true);
    await sleep(150);
    expect(await store.claimFor(pair, 'another-body', 60_000)).toBe(true);
    expect(await store.claimFor(pair, winner, 60_000)).toBe(false);
  });

  it('gives a lock to one holder, and only the owner can release or extend it', async () => {
    const store = await fresh();
    const first = await store.acquireLock('scheduler', 5_000);
    expect(first).not.toBeNull();
    expect(await store.acquireLock('scheduler', 5_000)).toBeNull();
    const forged = { ...first!, token: 'not-the-owner' };
    expect(forged.token).not.toBe(first!.token);
    expect(await first!.extend(5_000)).toBe(true);
    expect(await first!.release()).toBe(true);
    expect(await first!.release()).toBe(false);
    const second = await store.acquireLock('scheduler', 5_000);
    expect(second).not.toBeNull();
    expect(await first!.extend(5_000)).toBe(false);
    expect(await first!.release()).toBe(false);
    expect(await store.acquireLock('scheduler', 5_000)).toBeNull();
    await second!.release();
  });

  it('frees a lock whose holder never released it once the TTL passes', async () => {
    const store = await fresh();
    expect(await store.acquireLock('crashed', 80)).not.toBeNull();
    await sleep(150);
    expect(await store.acquireLock('crashed', 80)).not.toBeNull();
  });

  it('limits a token bucket to its capacity per refill period on a driven clock', async () => {
    const store = await fresh();
    const start = 1_700_000_000_000;
    const taken = [];
    for (let i = 0; i < 25; i++) taken.push(await store.takeToken('robot:a', 20, 60_000, start));
    expect(taken.filter((r) => r.allowed)).toHaveLength(20);
    const refused = taken[20]!;
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBe(3000);
    expect((await store.takeToken('robot:a', 20, 60_000, start + 2_999)).allowed).toBe(false);
    expect((await store.takeToken('robot:a', 20, 60_000, start + 3_000)).allowed).toBe(true);
    expect((await store.takeToken('robot:b', 20, 60_000, start)).allowed).toBe(true);
  });

  it('shares one bucket between concurrent callers without overspending', async () => {
    const store = await fresh();
    const now = 1_700_000_000_000;
    const results = await Promise.all(Array.from({ length: 50 }, () => store.takeToken('shared', 10, 60_000, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });

  it('hands a feed’s values to a reader in order from its position, and says when some were dropped', async () => {
    const store = await fresh();
    const start = await store.readFeed('changes');
    expect(start).toMatchObject({ values: [], complete: true });
    for (const value of ['a', 'b', 'c']) await store.appendToFeed('changes', value, 3);
    const first = await store.readFeed('changes', start.position);
    expect(first).toMatchObject({ values: ['a', 'b', 'c'], complete: true });
    expect(await store.readFeed('changes', first.position)).toEqual({ values: [], position: first.position, complete: true });
    await store.appendToFeed('changes', 'd', 3);
    expect(await store.readFeed('changes', first.position)).toMatchObject({ values: ['d'], complete: true });
    // Only the newest 3 are kept: a reader still at the start has missed 'a' and must start over.
    expect((await store.readFeed('changes', start.position)).complete).toBe(false);
    expect((await store.readFeed('other')).values).toEqual([]);
  });

  it('keeps conversation state until its TTL and deletes it on request', async () => {
    const store = await fresh();
    await store.setState('dialog:u1', { step: 'ask-community', text: '路灯坏了' }, 60_000);
    expect(await store.getState('dialog:u1')).toEqual({ step: 'ask-community', text: '路灯坏了' });
    expect(await store.setStateIfAbsent('dialog:u1', { step: 'other' }, 60_000)).toBe(false);
    await store.deleteState('dialog:u1');
    expect(await store.getState('dialog:u1')).toBeNull();
    expect(await store.setStateIfAbsent('dialog:u1', { step: 'again' }, 80)).toBe(true);
    await sleep(150);
    expect(await store.getState('dialog:u1')).toBeNull();
  });
});

describe('two Redis coordination clients on one server', () => {
  it('see each other’s claims, locks and feeds, as two instances would', async () => {
    const prefix = `${stores.redisPrefix}shared:`;
    const a = await RedisCoordination.connect(stores.redisUrl, prefix);
    const b = await RedisCoordination.connect(stores.redisUrl, prefix);
    try {
      expect(await a.claimOnce('m', 60_000)).toBe(true);
      expect(await b.claimOnce('m', 60_000)).toBe(false);
      const lock = await a.acquireLock('tick', 5_000);
      expect(await b.acquireLock('tick', 5_000)).toBeNull();
      await lock!.release();
      expect(await b.acquireLock('tick', 5_000)).not.toBeNull();
      const { position } = await b.readFeed('opinions');
      await a.appendToFeed('opinions', 'o:1', 100);
      expect(await b.readFeed('opinions', position)).toMatchObject({ values: ['o:1'], complete: true });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
