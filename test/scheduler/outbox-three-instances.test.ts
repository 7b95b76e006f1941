import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { FakeWecomServer } from '../fakes/wecom-server.js';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { busiestMinute, contentOf, createGroup, outboxStates } from './outbox-support.js';

const GROUPS = Array.from({ length: 10 }, (_, i) => ({ key: `sector-${i + 1}`, webhookKey: `robot-key-${i + 1}` }));
const EVENTS = 20;

describe('three Yishi instances sharing the stores', () => {
  const clock = new ManualClock('2026-03-02T09:00:00+08:00');
  let fake: FakeWecomServer;
  const instances: TestYishi[] = [];

  beforeAll(async () => {
    fake = await FakeWecomServer.start({ corpId: 'ww-unused', secret: 'unused', clock });
    const env = { WECOM_API_BASE: fake.url };
    const first = await startTestYishi(import.meta.url, { clock, scheduler: 'manual', env });
    instances.push(first);
    for (let i = 0; i < 2; i += 1)
      instances.push(await startTestYishi(import.meta.url, { clock, scheduler: 'manual', env, stores: first.stores }));
  });
  afterAll(async () => {
    for (const instance of instances) await instance.stop();
    await fake?.stop();
  });

  it('send each of 200 due reminders to the fake platform exactly once', async () => {
    const [first] = instances as [TestYishi];
    for (const group of GROUPS) await createGroup(first, group.key, [group.webhookKey]);
    // 20 events for all ten sector groups, each with a 1-hour reminder: 200 reminders.
    const startAt = new Date(clock.now().getTime() + 2 * 60 * 60_000);
    for (let n = 1; n <= EVENTS; n += 1) {
      const created = await first.api('/api/events', {
        body: {
          title: `界别协商第${n}场`,
          sectors: ['无党派'],
          startAt: startAt.toISOString(),
          endAt: new Date(startAt.getTime() + 60 * 60_000).toISOString(),
          place: '区政协三楼会议室',
          targetGroups: GROUPS.map((g) => g.key),
          reminderOffsetsMinutes: [60],
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    expect(await outboxStates(first, 'event-reminder:')).toEqual({ pending: 200 });

    clock.advance(61 * 60_000); // every reminder is now due, none has expired
    for (let round = 0; round < 10 && fake.webhookRequests.filter((r) => r.errcode === 0).length < 200; round += 1) {
      await Promise.all(instances.map((instance) => instance.tick()));
      clock.advance(60_000);
    }

    const ours = fake.webhookRequests.filter((r) => GROUPS.some((g) => g.webhookKey === r.key));
    const delivered = ours.filter((r) => r.errcode === 0);
    expect(delivered).toHaveLength(200);
    const pairs = delivered.map((r) => `${r.key}|${contentOf(r)}`);
    expect(new Set(pairs).size).toBe(200);
    for (const group of GROUPS) expect(fake.delivered(group.webhookKey)).toHaveLength(EVENTS);
    expect(await outboxStates(first, 'event-reminder:')).toEqual({ sent: 200 });
    // Nobody had to be refused: the instances kept each robot under its limit together.
    expect(ours.every((r) => r.errcode === 0)).toBe(true);
    for (const group of GROUPS)
      expect(busiestMinute(fake.webhookRequests.filter((r) => r.key === group.webhookKey))).toBeLessThanOrEqual(20);
  }, 240_000);
});
