import { describe, expect, it } from 'vitest';
import { MemoryCoordination } from '../../../src/storage/memory/memory-coordination.js';

// The rate limit's arithmetic, driven by the time passed in (the injected clock's), never the wall clock.
const MINUTE = 60_000;
const T0 = 1_767_225_600_000;

async function takeMany(bucket: MemoryCoordination, n: number, nowMs: number, capacity = 20, refillMs = MINUTE) {
  const results = [];
  for (let i = 0; i < n; i++) results.push(await bucket.takeToken('person', capacity, refillMs, nowMs));
  return results;
}

describe('the in-memory token bucket', () => {
  it('starts full: a burst of `capacity` is allowed, the next waits for one refill interval', async () => {
    const bucket = new MemoryCoordination();
    const burst = await takeMany(bucket, 20, T0);
    expect(burst.every((r) => r.allowed && r.retryAfterMs === 0)).toBe(true);
    // 20 per minute: one token every 3 s.
    expect(await bucket.takeToken('person', 20, MINUTE, T0)).toEqual({ allowed: false, retryAfterMs: 3000 });
  });

  it('refills in proportion to the time passed, exactly at whole tokens', async () => {
    const bucket = new MemoryCoordination();
    await takeMany(bucket, 20, T0);
    expect(await bucket.takeToken('person', 20, MINUTE, T0 + 2999)).toEqual({ allowed: false, retryAfterMs: 1 });
    expect(await bucket.takeToken('person', 20, MINUTE, T0 + 3000)).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(await bucket.takeToken('person', 20, MINUTE, T0 + 3000)).toEqual({ allowed: false, retryAfterMs: 3000 });
    expect(await bucket.takeToken('person', 20, MINUTE, T0 + 4500)).toEqual({ allowed: false, retryAfterMs: 1500 });
    const later = await takeMany(bucket, 3, T0 + 12_000);
    expect(later.map((r) => r.allowed)).toEqual([true, true, true]);
    expect((await bucket.takeToken('person', 20, MINUTE, T0 + 12_000)).allowed).toBe(false);
  });

  it('never holds more than its capacity, however long it was idle', async () => {
    const bucket = new MemoryCoordination();
    await takeMany(bucket, 20, T0);
    const afterAnHour = await takeMany(bucket, 21, T0 + 60 * MINUTE);
    expect(afterAnHour.filter((r) => r.allowed)).toHaveLength(20);
    expect(afterAnHour.at(-1)).toEqual({ allowed: false, retryAfterMs: 3000 });
  });

  it('gives nothing back for a clock that steps backwards, and does not move its own time back', async () => {
    const bucket = new MemoryCoordination();
    await takeMany(bucket, 20, T0);
    expect(await bucket.takeToken('person', 20, MINUTE, T0 - MINUTE)).toEqual({ allowed: false, retryAfterMs: 3000 });
    // Had the bucket taken T0 - 1 min as its time, the next 3 s would have refilled 21 tokens' worth.
    expect((await takeMany(bucket, 2, T0 + 3000)).map((r) => r.allowed)).toEqual([true, false]);
  });

  it('keeps each bucket apart, and each coordination prefix apart', async () => {
    const bucket = new MemoryCoordination('a:');
    await takeMany(bucket, 20, T0);
    expect((await bucket.takeToken('person', 20, MINUTE, T0)).allowed).toBe(false);
    expect((await bucket.takeToken('someone else', 20, MINUTE, T0)).allowed).toBe(true);
    expect((await new MemoryCoordination('b:').takeToken('person', 20, MINUTE, T0)).allowed).toBe(true);
  });

  it('works for a bucket of one (a robot allowed one message per interval)', async () => {
    const bucket = new MemoryCoordination();
    expect(await bucket.takeToken('robot', 1, 1000, T0)).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(await bucket.takeToken('robot', 1, 1000, T0 + 250)).toEqual({ allowed: false, retryAfterMs: 750 });
    expect(await bucket.takeToken('robot', 1, 1000, T0 + 1000)).toEqual({ allowed: true, retryAfterMs: 0 });
  });

  it('forgets its buckets when closed', async () => {
    const bucket = new MemoryCoordination();
    await takeMany(bucket, 20, T0);
    await bucket.close();
    expect((await bucket.takeToken('person', 20, MINUTE, T0)).allowed).toBe(true);
  });
});
