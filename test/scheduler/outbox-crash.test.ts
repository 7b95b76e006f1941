import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { FakeWecomServer } from '../fakes/wecom-server.js';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { contentOf, createGroup, insertNotice, outboxStates, startHoldingProxy, type HoldingProxy } from './outbox-support.js';

describe('a dispatcher killed in the middle of a fan-out', () => {
  const clock = new ManualClock('2026-03-03T08:00:00+08:00');
  let fake: FakeWecomServer;
  let proxy: HoldingProxy;
  let doomed: TestYishi;
  let survivor: TestYishi;

  beforeAll(async () => {
    fake = await FakeWecomServer.start({ corpId: 'ww-unused', secret: 'unused', clock });
    // The doomed instance gets everything through but the fan-out's third robot.
    proxy = await startHoldingProxy(fake.url, 'robot-z');
    doomed = await startTestYishi(import.meta.url, {
      clock,
      scheduler: 'manual',
      env: { WECOM_API_BASE: proxy.url, SHUTDOWN_TIMEOUT_MS: '200' },
    });
    survivor = await startTestYishi(import.meta.url, {
      clock,
      scheduler: 'manual',
      env: { WECOM_API_BASE: fake.url },
      stores: doomed.stores,
    });
  });
  afterAll(async () => {
    await survivor?.stop();
    await proxy?.close();
    await fake?.stop();
  });

  it('loses nothing and doubles nothing after a restart', async () => {
    await createGroup(survivor, 'sector-a', ['robot-a']);
    await createGroup(survivor, 'all-members', ['robot-x', 'robot-y', 'robot-z']);
    const base = clock.now().getTime();
    const at = (minutes: number) => new Date(base + minutes * 60_000);
    for (const n of [1, 2, 3])
      await insertNotice(survivor, { key: `crash:single:${n}`, groupKey: 'sector-a', text: `单条提醒${n}`, dueAt: at(n) });
    await insertNotice(survivor, { key: 'crash:fanout', groupKey: 'all-members', text: '全体委员：明天上午九点开会', dueAt: at(4) });
    for (const n of [4, 5, 6])
      await insertNotice(survivor, { key: `crash:single:${n}`, groupKey: 'sector-a', text: `单条提醒${n}`, dueAt: at(n + 1) });
    clock.advance(10 * 60_000);

    // The doomed instance starts sending and freezes on the fan-out's third robot...
    const frozenTick = doomed.tick().catch(() => undefined);
    await expect.poll(() => proxy.held.length, { timeout: 20_000 }).toBe(1);
    // Its other lanes may still be finishing a robot-a reminder they claimed; on a busy machine that
    // takes a while. The crash this test is about is the frozen fan-out's, so wait until it is the
    // only claim left before killing the instance.
    await expect.poll(async () => (await outboxStates(survivor, 'crash:')).claimed, { timeout: 60_000 }).toBe(1);
    // ...and dies there, its claim still on the item. (It sends to several robots at once, so how
    // many of robot-a's reminders it got out first varies; the rest wait, unclaimed.)
    await doomed.stop();
    const atDeath = await outboxStates(survivor, 'crash:');
    expect(atDeath.claimed).toBe(1);
    expect((atDeath.sent ?? 0) + (atDeath.pending ?? 0)).toBe(6);

    // Before the lease runs out, the survivor leaves the claimed item alone. (A reminder whose send
    // the dying instance cut short waits out its retry delay, so it may still be pending here.)
    await survivor.tick();
    const beforeLease = await outboxStates(survivor, 'crash:');
    expect(beforeLease.claimed).toBe(1);
    expect((beforeLease.sent ?? 0) + (beforeLease.pending ?? 0)).toBe(6);
    // After it, the survivor takes it over and finishes the fan-out.
    clock.advance(61_000);
    await survivor.tick();
    expect(await outboxStates(survivor, 'crash:')).toEqual({ sent: 7 });

    const delivered = fake.webhookRequests.filter((r) => r.errcode === 0);
    expect(delivered.filter((r) => r.key === 'robot-a').map(contentOf)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `单条提醒${n}`));
    for (const key of ['robot-x', 'robot-y', 'robot-z'])
      expect(delivered.filter((r) => r.key === key).map(contentOf)).toEqual(['全体委员：明天上午九点开会']);
    void frozenTick;
  });
});
