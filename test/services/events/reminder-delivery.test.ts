import { describe, expect, it } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { ManualClock } from '../../../src/core/clock.js';
import { storedOutbox } from '../../support/yishi.js';
import { contentOf, createGroup } from '../../scheduler/outbox-support.js';

describe('event reminders reaching a sector group through the scheduler', () => {
  const clock = new ManualClock('2025-09-20T10:00:00+08:00');

  const { yishi: t, wecom: fake } = useScenario(import.meta.url, { wecom: 'api-only', clock, scheduler: 'manual' }, async () => {
    await createGroup(t, '工会', ['robot-union']);
  });

  const texts = () => fake.delivered('robot-union').map(contentOf);

  it('delivers the 1-day reminder exactly once and skips the 1-hour one that went stale after the start', async () => {
    const created = await t.api('/api/events', {
      body: {
        title: '新就业群体服务保障协商',
        sectors: ['工会'],
        startAt: '2025-09-24T14:30:00+08:00',
        endAt: '2025-09-24T16:30:00+08:00',
        place: '区政协协商议事厅',
      },
    });
    expect(created.status).toBe(201);

    await t.tick();
    expect(texts()).toEqual([]); // nothing is due yet

    clock.set('2025-09-21T14:31:00+08:00');
    await t.tick();
    expect(texts()).toHaveLength(1);
    expect(texts()[0]).toContain('【活动提醒】3天后');

    clock.set('2025-09-23T14:31:00+08:00');
    await t.tick();
    await t.tick();
    clock.advance(5 * 60_000);
    await t.tick();
    const dayBefore = texts().filter((text) => text.startsWith('【活动提醒】明天'));
    expect(dayBefore).toHaveLength(1);
    expect(dayBefore[0]).toContain('新就业群体服务保障协商');
    expect(dayBefore[0]).toContain('时间：9月24日（周三）14:30–16:30');

    // Yishi was down from before the 1-hour reminder until after the start.
    clock.set('2025-09-24T15:00:00+08:00');
    await t.tick();
    expect(texts().filter((text) => text.includes('1小时后'))).toEqual([]);
    expect(texts()).toHaveLength(2);
    const hourBefore = (await storedOutbox(t)).find((n) => n.idempotencyKey === `event-reminder:${created.body.id}:v1:group:工会:60`);
    expect(hourBefore?.state).toBe('skipped');
  });
});
