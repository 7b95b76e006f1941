import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { FakeWecomServer } from '../fakes/wecom-server.js';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { contentOf, createGroup, insertNotice, outboxStates, startHoldingProxy, type HoldingProxy } from './outbox-support.js';

describe('the outbox sends to several robots at once', () => {
  const clock = new ManualClock('2026-03-10T09:00:00+08:00');
  let fake: FakeWecomServer;
  let proxy: HoldingProxy;
  let t: TestYishi;

  beforeAll(async () => {
    fake = await FakeWecomServer.start({ corpId: 'ww-unused', secret: 'unused', clock });
    proxy = await startHoldingProxy(fake.url, 'robot-slow');
    t = await startTestYishi(import.meta.url, { clock, scheduler: 'manual', env: { WECOM_API_BASE: proxy.url } });
  });
  afterAll(async () => {
    await t?.stop();
    await proxy?.close();
    await fake?.stop();
  });

  it('keeps going while one robot hangs, and every robot still gets its notices in due order', async () => {
    await createGroup(t, 'slow', ['robot-slow'], '慢群');
    await createGroup(t, 'sector-b', ['robot-b'], '无党派界别群');
    await createGroup(t, 'sector-c', ['robot-c'], '民盟界别群');
    // Two groups share robot-b and robot-c: their notices must still reach each robot in due order.
    await createGroup(t, 'everyone', ['robot-b', 'robot-c'], '全体委员群');
    const base = clock.now().getTime();
    const notices: Array<[string, string, string]> = [
      ['lanes:1', 'slow', '慢群第一条'],
      ['lanes:2', 'sector-b', '无党派第一条'],
      ['lanes:3', 'everyone', '全体第一条'],
      ['lanes:4', 'sector-b', '无党派第二条'],
      ['lanes:5', 'sector-c', '民盟第一条'],
      ['lanes:6', 'slow', '慢群第二条'],
      ['lanes:7', 'sector-b', '无党派第三条'],
    ];
    for (const [index, [key, groupKey, text]] of notices.entries())
      await insertNotice(t, { key, groupKey, text, dueAt: new Date(base + index * 1000) });
    clock.advance(60_000);

    const pass = t.tick();
    // robot-slow's first notice hangs; the other robots get all of theirs meanwhile.
    await expect.poll(() => fake.delivered('robot-b').length, { timeout: 20_000 }).toBe(4);
    await expect.poll(() => fake.delivered('robot-c').length, { timeout: 20_000 }).toBe(2);
    expect(proxy.held).toHaveLength(1);
    expect(fake.delivered('robot-slow')).toHaveLength(0);

    await proxy.release();
    await pass;
    expect(fake.delivered('robot-b').map(contentOf)).toEqual(['无党派第一条', '全体第一条', '无党派第二条', '无党派第三条']);
    expect(fake.delivered('robot-c').map(contentOf)).toEqual(['全体第一条', '民盟第一条']);
    expect(fake.delivered('robot-slow').map(contentOf)).toEqual(['慢群第一条', '慢群第二条']);
    expect(await outboxStates(t, 'lanes:')).toEqual({ sent: 7 });
  });
});
